using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Designer;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Designer;

/// <summary>The designer's service: the engine's reader decides what may be saved, and only process owners save.</summary>
public sealed class ProcessDesignsTests : IAsyncLifetime
{
    private static readonly Caller Owner = new("process.owner", new HashSet<string> { "ProcessOwner" });
    private static readonly Caller Employee = new("erik.anstalld", new HashSet<string> { "Employee" });

    private HostFactory host = default!;

    public Task InitializeAsync()
    {
        host = HostFactory.WithDemo(null, ("Engine:ClockStart", "2026-12-07T09:00:00+01:00"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_valid_save_is_a_new_draft_and_the_list_counts_running_instances_per_version()
    {
        using var api = await host.ClientFor("erik.anstalld");
        await api.StartInstanceAsync("ordering", new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New", underRollout = false });
        await using var scope = host.Services.CreateAsyncScope();
        var designs = scope.ServiceProvider.GetRequiredService<ProcessDesigns>();
        var xml = (await designs.XmlAsync("ordering", 1))!;

        var saved = await designs.SaveAsync("ordering", xml.Replace("rjh:dueIn=\"P3D\"", "rjh:dueIn=\"P4D\""), Owner);

        Assert.Empty(saved.Diagnostics);
        Assert.Equal(new DefinitionVersionView("ordering", 2, false), saved.Saved);
        var ordering = (await designs.ListAsync()).Single(d => d.Key == "ordering");
        Assert.Equal(1, ordering.LiveVersion);
        Assert.Equal(new[] { (2, false, 0), (1, true, 1) }, ordering.Versions.Select(v => (v.Version, v.Live, v.RunningInstances)));
    }

    [Fact]
    public async Task An_invalid_model_or_another_process_id_is_not_stored_and_says_where()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var designs = scope.ServiceProvider.GetRequiredService<ProcessDesigns>();
        var xml = (await designs.XmlAsync("ordering", 1))!;
        var unguarded = xml.Replace("default=\"Flow_gwApproved_mailRejected\"", "");

        var invalid = await designs.SaveAsync("ordering", unguarded, Owner);
        var renamed = await designs.SaveAsync("swap", xml, Owner);

        Assert.Null(invalid.Saved);
        Assert.Contains(invalid.Diagnostics, d => d.ElementId == "gwApproved");
        Assert.Null(renamed.Saved);
        Assert.Contains(renamed.Diagnostics, d => d.Message.Contains("must stay 'swap'", StringComparison.Ordinal));
        Assert.Equal(1, (await designs.FindAsync("ordering"))!.LatestVersion);
    }

    [Fact]
    public async Task Only_process_owners_save_even_when_the_service_is_called_directly()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var designs = scope.ServiceProvider.GetRequiredService<ProcessDesigns>();
        var xml = (await designs.XmlAsync("ordering", 1))!;

        await Assert.ThrowsAsync<ForbiddenException>(() => designs.SaveAsync("ordering", xml, Employee));
        await Assert.ThrowsAsync<ForbiddenException>(() => designs.PublishAsync("ordering", 1, null, Employee));
    }

    [Fact]
    public void A_blank_process_reads_as_BPMN_with_its_key()
    {
        var xml = ProcessDesigns.BlankXml("new-process", "Ny & bättre");

        Assert.Equal("new-process", ProcessDesigns.KeyOf(xml));
        Assert.Null(ProcessDesigns.KeyOf("not xml"));
        Assert.True(ProcessKeys.IsValid("WFP-6-"));
        Assert.False(ProcessKeys.IsValid("../etc"));
    }
}
