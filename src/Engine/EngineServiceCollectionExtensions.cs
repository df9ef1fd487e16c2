using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RJH.DeviceWorkflows.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (IWorkflowEngine, IWorkflowQueries, TimeProvider, timer poller) and its store.
    /// Reads the section "Engine" and the connection string "Default".
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        // Filled in by the runtime work; the Host calls only this.
        return services;
    }
}
