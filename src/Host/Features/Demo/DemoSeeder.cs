using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>
/// On start, when <c>Demo:Seed</c> is on and the register has no units (a first start): writes the demo organisation.
/// A register with units belongs to someone (an earlier start, a real HR import) and is left alone. Runs after the
/// register's migration: hosted services start in the order they were added.
/// </summary>
internal sealed class DemoSeeder(IOrgRegister org, DemoDataSource source, DemoRegisterWriter writer, IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed) return;
        if ((await org.ListUnitsAsync(cancellationToken)).Count > 0)
        {
            logger.LogInformation("The register has units already; demo organisation not seeded");
            return;
        }
        if (await source.ReadAsync(cancellationToken) is not { } data) return;
        await writer.WriteAsync(data, cancellationToken);
        logger.LogInformation("Seeded the demo organisation: {Devices} devices, {Subscriptions} subscriptions, {Extensions} extensions",
            data.Devices.Count, data.Subscriptions.Count, data.Extensions.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
