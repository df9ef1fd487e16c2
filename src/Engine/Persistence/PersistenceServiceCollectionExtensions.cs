using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the EF Core <see cref="IWorkflowStore"/> on SQLite (e.g. "Data Source=data/rjh.db").</summary>
    public static IServiceCollection AddEfWorkflowStore(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddDbContextFactory<WorkflowDbContext>(options =>
            StoreProviders.Configure(options, StoreProviders.Sqlite, connectionString));
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        return services;
    }

    /// <summary>
    /// Brings the database to the current schema. For SQLite it first creates the file's folder and
    /// afterwards switches to WAL, so queries keep reading while a command writes.
    /// </summary>
    public static async Task MigrateWorkflowStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
            StoreProviders.EnsureSqliteDirectory(db.Database.GetConnectionString());

        await db.Database.MigrateAsync(ct);

        if (sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
