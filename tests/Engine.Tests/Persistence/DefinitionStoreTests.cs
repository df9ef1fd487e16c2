using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public abstract class DefinitionStoreTests(DatabaseKind kind)
{
    public sealed class Sqlite() : DefinitionStoreTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : DefinitionStoreTests(DatabaseKind.PostgreSql);

    [SkippableFact]
    public async Task FindDefinition_picks_the_asked_newest_or_newest_published_version()
    {
        await using var db = await TempStore.CreateAsync(kind);
        await SaveAsync(db.Store, tx =>
        {
            tx.AddDefinition(Definition("order", 1, published: true));
            tx.AddDefinition(Definition("order", 2, published: true));
            tx.AddDefinition(Definition("order", 3));
            tx.AddDefinition(Definition("other", 7, published: true));
        });

        Assert.Equal(3, (await db.Store.FindDefinitionAsync("order", null, publishedOnly: false))?.Version);
        Assert.Equal(2, (await db.Store.FindDefinitionAsync("order", null, publishedOnly: true))?.Version);
        Assert.Equal(1, (await db.Store.FindDefinitionAsync("order", 1, publishedOnly: true))?.Version);
        Assert.Equal(3, (await db.Store.FindDefinitionAsync("order", 3, publishedOnly: false))?.Version);
        Assert.Null(await db.Store.FindDefinitionAsync("order", 3, publishedOnly: true));
        Assert.Null(await db.Store.FindDefinitionAsync("order", 9, publishedOnly: false));
        Assert.Null(await db.Store.FindDefinitionAsync("missing", null, publishedOnly: false));

        var found = await db.Store.FindDefinitionAsync("order", 2, publishedOnly: false);
        Assert.Equal("<definitions id='order-2'/>", found?.Xml);
        Assert.Equal(T0.AddHours(2), found?.PublishedAt);
    }

    [SkippableFact]
    public async Task ListDefinitions_orders_by_key_and_version()
    {
        await using var db = await TempStore.CreateAsync(kind);
        await SaveAsync(db.Store, tx =>
        {
            tx.AddDefinition(Definition("b", 1));
            tx.AddDefinition(Definition("a", 2));
            tx.AddDefinition(Definition("a", 1));
        });

        var all = await db.Store.ListDefinitionsAsync(null);
        Assert.Equal(["a1", "a2", "b1"], all.Select(d => d.Key + d.Version));
        Assert.Equal([1, 2], (await db.Store.ListDefinitionsAsync("a")).Select(d => d.Version));
    }

    [SkippableFact]
    public async Task NextDefinitionVersion_counts_stored_and_pending_versions()
    {
        await using var db = await TempStore.CreateAsync(kind);
        await SaveAsync(db.Store, tx => tx.AddDefinition(Definition("order", 4)));

        await using var tx = await db.Store.BeginAsync();
        Assert.Equal(1, await tx.NextDefinitionVersionAsync("new"));
        Assert.Equal(5, await tx.NextDefinitionVersionAsync("order"));
        tx.AddDefinition(Definition("order", 5));
        Assert.Equal(6, await tx.NextDefinitionVersionAsync("order"));
        Assert.Equal(4, (await tx.LoadDefinitionAsync("order", 4))?.Version);
    }
}
