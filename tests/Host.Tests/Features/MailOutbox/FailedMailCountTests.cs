using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.MailOutbox;

/// <summary>/incidents says how many mails failed: counted by the outbox store, not by listing the mails.</summary>
public sealed class FailedMailCountTests : IAsyncLifetime
{
    private const string Key = "failed-mail-count";

    // The mail folder's path is taken by a file, so every mail fails after its attempts.
    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), $"rjh-blocked-mail-{Guid.NewGuid():N}");
    private HostFactory host = null!;

    private static readonly string Process = Processes.Process(Key, $"""
        <bpmn:startEvent id="start" />
        {Processes.Service("mail", "Notify.Email", ("to", "'leverans@leverantor.se'"), ("template", "'generic'"),
            ("model", "({subject: 'Leverans kvitterad', body: 'Telefonen är kvitterad.'})"))}
        <bpmn:endEvent id="end" />
        {Processes.Chain("start", "mail", "end")}
        """, starterRoles: "Admin");

    public Task InitializeAsync()
    {
        File.WriteAllText(mailFolder, "not a folder");
        host = HostFactory.With(overrides:
        [
            ("Mail:Folder", mailFolder),
            ("Mail:Outbox:PollInterval", "00:00:00.100"),
            ("Mail:Outbox:RetryDelays:0", "00:00:00.100"),
        ]);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_count_of_failed_mails_is_every_failed_mail_and_only_those()
    {
        await host.DeployAsync(Process, user: "admin");
        using var admin = await host.ClientFor("admin");
        for (var i = 0; i < 3; i++) await admin.StartInstanceAsync(Key);
        var outbox = host.Services.GetRequiredService<IMailOutbox>();

        for (var waited = 0; waited < 200 && await outbox.CountAsync(OutboxMailStatus.Failed, CancellationToken.None) < 3; waited++)
            await Task.Delay(100);

        Assert.Equal(3, await outbox.CountAsync(OutboxMailStatus.Failed, CancellationToken.None));
        Assert.Equal(0, await outbox.CountAsync(OutboxMailStatus.Pending, CancellationToken.None));
        Assert.Equal(0, await outbox.CountAsync(OutboxMailStatus.Sent, CancellationToken.None));
        Assert.Equal(3, (await outbox.ListAsync(OutboxMailStatus.Failed, 500, CancellationToken.None)).Count);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        if (File.Exists(mailFolder)) File.Delete(mailFolder);
    }
}
