using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Activities.BuiltIn;
using RJH.DeviceWorkflows.Engine.Expressions;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (IWorkflowEngine, IWorkflowQueries, TimeProvider, timer poller) and its store.
    /// Reads the section "Engine" and the connection string "Default" (default: a SQLite file under data/).
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.Section));
        services.AddOptions<ExpressionOptions>().Bind(configuration.GetSection(EngineOptions.Section + ":Expressions"));

        var controllable = configuration.GetValue<bool>(EngineOptions.Section + ":" + nameof(EngineOptions.ControllableClock));
        var start = configuration.GetValue<DateTimeOffset?>(EngineOptions.Section + ":" + nameof(EngineOptions.ClockStart));
        services.TryAddSingleton<TimeProvider>(controllable ? new ControllableTimeProvider(startAt: start) : TimeProvider.System);

        services.AddEfWorkflowStore(DatabaseOptions.From(configuration));

        services.AddOptions<PersonalVariableOptions>().Bind(configuration.GetSection(PersonalVariableOptions.Section))
            .Validate(o => IsRegex(o.NamePattern), $"{PersonalVariableOptions.Section}:NamePattern is not a valid regular expression.")
            .ValidateOnStart();
        // The Host configures the key ring (application name, key folder); a bare engine gets the default one.
        services.AddDataProtection();
        services.AddSingleton<PersonalVariables>();
        services.AddSingleton<StateCodec>();

        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<ActivityCatalog>();
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<PublishedVersions>();
        services.AddSingleton<JobHandover>();
        services.AddSingleton<WorkflowViews>();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section));
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<IJobRunner>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<Runtime.Migration.IInstanceMigration>(sp => sp.GetRequiredService<WorkflowEngine>());
        // The Host replaces this with Hangfire; TryAdd lets a caller register its own dispatcher first.
        services.TryAddSingleton<InProcessJobDispatcher>();
        services.TryAddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<InProcessJobDispatcher>());
        services.AddSingleton<IWorkflowQueries, WorkflowQueries>();
        services.AddHostedService<StoreMigrator>();
        services.AddHostedService<OutboxRecovery>();
        services.AddHostedService<TimerPoller>();
        services.AddSingleton<OutboxSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSweeper>());
        services.AddHostedService(sp => sp.GetRequiredService<InProcessJobDispatcher>());

        services.AddActivity<SetVariablesActivity>();
        services.AddActivity<FailActivity>();
        return services;
    }

    private static bool IsRegex(string pattern)
    {
        try { _ = new System.Text.RegularExpressions.Regex(pattern); return true; }
        catch (ArgumentException) { return false; }
    }
}
