using Microsoft.Extensions.Hosting;
using RJH.DeviceWorkflows.Engine.Persistence;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Brings the database schema up to date before anything else in the host runs.</summary>
internal sealed class StoreMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateWorkflowStoreAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
