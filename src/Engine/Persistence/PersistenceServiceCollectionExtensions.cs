using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the EF Core <see cref="IWorkflowStore"/> on the configured database.</summary>
    /// <exception cref="NotSupportedException">The provider is unknown.</exception>
    public static IServiceCollection AddEfWorkflowStore(this IServiceCollection services, DatabaseOptions database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);
        _ = database.Kind switch
        {
            DatabaseKind.Sqlite => AddContext<SqliteWorkflowDbContext>(services, database),
            DatabaseKind.PostgreSql => AddContext<PostgresWorkflowDbContext>(services, database),
            DatabaseKind.SqlServer => AddContext<SqlServerWorkflowDbContext>(services, database),
            _ => throw new NotSupportedException($"No workflow store for {database.Kind}."),
        };
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<IWorkflowStatistics, EfWorkflowStatistics>();
        return services;
    }

    /// <summary>Registers the store on a SQLite connection string (e.g. "Data Source=data/rjh.db").</summary>
    public static IServiceCollection AddEfWorkflowStore(this IServiceCollection services, string connectionString) =>
        services.AddEfWorkflowStore(new DatabaseOptions(DatabaseOptions.Sqlite, connectionString));

    /// <summary>Brings the database to the current schema.</summary>
    public static async Task MigrateWorkflowStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await DatabaseProvider.MigrateAsync(db, ct);
    }

    private static IServiceCollection AddContext<TContext>(IServiceCollection services, DatabaseOptions database)
        where TContext : WorkflowDbContext
    {
        // Pooled: every command and query takes a context, and building one from the service provider cost more
        // than a short command's own work. The engine's contexts never change their connection (only contexts
        // that join a command do, and those are other parts' contexts), so a reused context is a clean one.
        services.AddPooledDbContextFactory<TContext>(options =>
        {
            DatabaseProvider.Configure(options, database);
            // The inbox's capped count limits the walk of a count on purpose (TaskSearch.CountUpTo), where order means
            // nothing; EF's warning for a limit without order would otherwise be logged with every inbox page.
            options.ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug)));
        });
        services.AddSingleton<IDbContextFactory<WorkflowDbContext>, ProductDbContextFactory<WorkflowDbContext, TContext>>();
        return services;
    }
}
