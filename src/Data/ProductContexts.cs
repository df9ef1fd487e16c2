using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Registers a part's context the way every part with tables does: the product's context type (it owns that
/// product's migrations) behind a factory of the part's base context, and migrates it at start.
/// </summary>
public static class ProductContexts
{
    /// <param name="joinCommand">Contexts that inline activities use during an engine command join its SQLite transaction (<see cref="CommandConnection"/>),
    /// and <see cref="ICommandContextFactory{TBase}"/> gives ones that join it on every product.</param>
    public static IServiceCollection AddProductContext<TBase, TProduct>(this IServiceCollection services, DatabaseOptions database,
        bool joinCommand = false)
        where TBase : DbContext
        where TProduct : TBase
    {
        // Pooled: an engine command opens many of these (every register and policy call in it), and building a context's
        // services cost more than most of those calls' own work.
        services.AddPooledDbContextFactory<TProduct>(options => DatabaseProvider.Configure(options, database));
        if (!joinCommand) return services.AddSingleton<IDbContextFactory<TBase>, ProductDbContextFactory<TBase, TProduct>>();
        services.AddSingleton<CommandJoiningDbContextFactory<TBase, TProduct>>();
        services.AddSingleton<IDbContextFactory<TBase>>(sp => sp.GetRequiredService<CommandJoiningDbContextFactory<TBase, TProduct>>());
        return services.AddSingleton<ICommandContextFactory<TBase>>(sp => sp.GetRequiredService<CommandJoiningDbContextFactory<TBase, TProduct>>());
    }

    /// <summary>Brings the part's tables to the current schema.</summary>
    public static async Task MigrateProductContextAsync<TBase>(this IServiceProvider services, CancellationToken ct = default)
        where TBase : DbContext
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<TBase>>().CreateDbContextAsync(ct);
        await DatabaseProvider.MigrateAsync(db, ct);
    }
}
