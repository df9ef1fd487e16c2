using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Adapters;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

/// <summary>The adapters as the host registers them (AddAdapters), from in-memory settings.</summary>
public static class AdapterHost
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, ILoggerProvider? log = null) =>
        new ServiceCollection()
            .AddLogging(b => { if (log is not null) b.AddProvider(log); })
            .AddAdapters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    /// <summary>A REST adapter pointed at a fake supplier, with retries fast enough for tests.</summary>
    public static ServiceProvider Rest(string system, FakeSupplier supplier, int maxRetries = 2, ILoggerProvider? log = null) => Build(new Dictionary<string, string?>
    {
        [$"Adapters:{system}:Mode"] = "Rest",
        [$"Adapters:{system}:Rest:BaseAddress"] = supplier.BaseAddress.ToString(),
        [$"Adapters:{system}:Rest:ApiKey"] = FakeSupplier.ApiKey,
        [$"Adapters:{system}:Rest:RetryBaseDelay"] = "00:00:00.010",
        [$"Adapters:{system}:Rest:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Adapters:{system}:Rest:AttemptTimeout"] = "00:00:05",
        [$"Adapters:{system}:Rest:TotalTimeout"] = "00:00:20",
    }, log);
}
