using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Persistence.TestRecords;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>
/// On PostgreSQL the product's contexts let Npgsql prepare the statements they repeat, so the server stops parsing and
/// planning them, and do not reset a connection's session on its way back to the pool
/// (<see cref="DatabaseProvider.PostgresConnectionString"/>); an operator's own setting wins.
/// </summary>
public sealed class PostgresConnectionDefaultTests
{
    [Fact]
    public void Automatic_preparation_is_on_unless_the_connection_string_sets_it()
    {
        var added = new NpgsqlConnectionStringBuilder(DatabaseProvider.PostgresConnectionString("Host=db;Database=rjh;Username=app"));
        Assert.Equal(DatabaseProvider.PostgresAutoPreparedStatements, added.MaxAutoPrepare);
        Assert.Equal(2, added.AutoPrepareMinUsages);
        Assert.True(added.NoResetOnClose);
        Assert.Equal("db", added.Host);
        Assert.Equal("rjh", added.Database);

        // Off on purpose (a pooler in transaction mode cannot keep prepared statements), or another size: kept as it is.
        const string Set = "Host=db;Max Auto Prepare=0;No Reset On Close=false";
        Assert.Equal(Set, DatabaseProvider.PostgresConnectionString(Set));
        var sized = new NpgsqlConnectionStringBuilder(DatabaseProvider.PostgresConnectionString("Host=db;maxautoprepare=10"));
        Assert.Equal(10, sized.MaxAutoPrepare);
        Assert.True(sized.NoResetOnClose);
    }

    [SkippableFact]
    public async Task A_statement_the_store_runs_again_on_a_connection_is_prepared_on_the_server()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.PostgreSql);
        var id = Guid.NewGuid();
        await SaveAsync(db.Store, tx => tx.AddInstance(Instance(id)));

        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        await context.Database.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
            Assert.NotNull(await context.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id));

        var prepared = await context.Database
            .SqlQueryRaw<string>("""SELECT statement AS "Value" FROM pg_prepared_statements""")
            .ToListAsync();
        Assert.Contains(prepared, s => s.Contains("\"Instances\"", StringComparison.Ordinal));
    }
}
