using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Host.Features.Jobs.Dashboard;

namespace RJH.DeviceWorkflows.Host.Features.Jobs;

internal static class JobServiceCollectionExtensions
{
    /// <summary>
    /// What runs the engine's jobs and timers (section "Jobs"). Call after <c>AddWorkflowEngine</c>: the Hangfire
    /// dispatcher replaces the engine's in-process one, and the Hangfire server starts only after the engine has
    /// migrated its store and re-dispatched its pending outbox (hosted services start in order).
    /// </summary>
    public static IServiceCollection AddJobRunner(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = JobSettings.From(configuration);
        services.AddSingleton(settings);
        if (!settings.UsesHangfire)
        {
            // One setting for the jobs a host runs at once, whichever runner runs them.
            services.Configure<JobOptions>(o => o.Workers = settings.WorkerCount);
            return services;
        }

        // Hangfire falls back to process-wide JobStorage.Current and JobActivator.Current; registering both per host
        // keeps two hosts in one process (the tests) from running each other's jobs against the wrong database.
        services.AddSingleton<JobStorage>(_ => HangfireStorage.Create(DatabaseOptions.From(configuration), settings.QueuePollInterval));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, hangfire) => hangfire
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, server) =>
        {
            // Set here: new options start out with JobActivator.Current, so Hangfire would never ask the container.
            server.Activator = provider.GetRequiredService<JobActivator>();
            server.WorkerCount = settings.WorkerCount;
            server.SchedulePollingInterval = settings.SchedulePollingInterval;
        });
        services.Replace(ServiceDescriptor.Singleton<IJobFilterProvider>(new WorkflowJobFilters(JobFilterProviders.Providers)));
        services.AddSingleton<JobBatcher>();
        services.AddSingleton(new JobSlots(settings.BatchParallelism));
        services.AddHostedService(sp => sp.GetRequiredService<JobBatcher>());
        services.Replace(ServiceDescriptor.Singleton<IJobDispatcher, HangfireJobDispatcher>());

        // The dashboard's cookie sign-in makes its buttons (requeue, delete) forgeable from another site without
        // Hangfire's antiforgery check, which it performs whenever the service is registered.
        services.AddAntiforgery();
        services.AddSingleton<DashboardCookie>();
        return services;
    }
}
