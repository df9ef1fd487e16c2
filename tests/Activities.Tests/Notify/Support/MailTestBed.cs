using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Rules;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify.Support;

/// <summary>
/// The product's registration (AddPolicyRules, AddActivities) on a temp folder: a migrated SQLite policy
/// store seeded from workflows/policies, mail written to files, a fake clock and, given people, a fake register.
/// Disposing deletes the folder.
/// </summary>
internal sealed class MailTestBed : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string connectionString;

    private MailTestBed(string folder, string connectionString, ServiceProvider provider, FakeTimeProvider time)
    {
        Folder = folder;
        this.connectionString = connectionString;
        this.provider = provider;
        Time = time;
    }

    public string Folder { get; }
    public string MailFolder => Path.Combine(Folder, "mail");
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => provider;
    public IActivity Activity => provider.GetRequiredService<NotifyEmailActivity>();
    public IMailOutbox Outbox => provider.GetRequiredService<IMailOutbox>();

    /// <summary>One run of the mail job: sends what is due by <see cref="Time"/>.</summary>
    public Task<int> SendDueAsync() => provider.GetRequiredService<MailOutboxSender>().SendDueAsync(default);

    public static async Task<MailTestBed> CreateAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null,
        params PersonInfo[] people)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rjh-mail-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(folder, "rjh.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Mail:Folder"] = Path.Combine(folder, "mail"),
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var time = new FakeTimeProvider(now);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging();
        // Without people, no register at all: the activity must still be resolvable (a host without AddRegistry).
        if (people.Length > 0) services.AddSingleton<IRegisterDirectory>(new FakeRegister(people));
        services
            .AddPolicyRules(configuration)
            .AddActivities();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await provider.MigratePolicyStoreAsync();
        await provider.SeedPoliciesAsync();
        await provider.MigrateMailOutboxAsync();
        return new MailTestBed(folder, connectionString, provider, time);
    }

    public static ActivityContext Context(string to, string template, JsonObject? model = null, bool urgent = false, string key = "key-1")
    {
        var inputs = new Dictionary<string, JsonNode?> { ["to"] = to, ["template"] = template, ["urgent"] = urgent };
        if (model is not null) inputs["model"] = model;
        return new ActivityContext(Guid.NewGuid(), "ORDER-1", "mail", key, inputs);
    }

    /// <summary>The messages written so far, parsed back from their files.</summary>
    public IReadOnlyList<MimeMessage> Written() =>
        Directory.Exists(MailFolder)
            ? [.. Directory.GetFiles(MailFolder, "*.eml").Select(path => MimeMessage.Load(path))]
            : [];

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        // Pooled connections keep the file open; close this database's ones before deleting it.
        using (var connection = new SqliteConnection(connectionString))
            SqliteConnection.ClearPool(connection);
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
