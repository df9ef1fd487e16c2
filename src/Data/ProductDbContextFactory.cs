using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Hands out the configured product's context (the type its migrations are tied to) as the base
/// type the store works with, so one model serves every database product.
/// </summary>
public sealed class ProductDbContextFactory<TBase, TProduct>(IDbContextFactory<TProduct> products) : IDbContextFactory<TBase>
    where TBase : DbContext
    where TProduct : TBase
{
    public TBase CreateDbContext() => products.CreateDbContext();

    public async Task<TBase> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await products.CreateDbContextAsync(cancellationToken);
}
