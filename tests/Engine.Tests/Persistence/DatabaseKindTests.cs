using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Tests.Support;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>
/// The engine tells the database product of a context from its connection (<see cref="DatabaseFacadeKind.Kind"/>),
/// not from EF's provider name, which reads an assembly name on every call; both must agree.
/// </summary>
public sealed class DatabaseKindTests
{
    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite, "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData(DatabaseKind.PostgreSql, "Npgsql.EntityFrameworkCore.PostgreSQL")]
    public async Task A_context_s_kind_is_the_product_its_provider_names(DatabaseKind kind, string provider)
    {
        await using var db = await TempStore.CreateAsync(kind);
        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();

        Assert.Equal(provider, context.Database.ProviderName);
        Assert.Equal(kind, context.Database.Kind());
    }
}
