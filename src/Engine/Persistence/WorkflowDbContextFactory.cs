using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>Hands out the configured product's context as the base type the store works with.</summary>
internal sealed class WorkflowDbContextFactory<TContext>(IDbContextFactory<TContext> products)
    : IDbContextFactory<WorkflowDbContext>
    where TContext : WorkflowDbContext
{
    public WorkflowDbContext CreateDbContext() => products.CreateDbContext();

    public async Task<WorkflowDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await products.CreateDbContextAsync(cancellationToken);
}
