using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace RJH.DeviceWorkflows.Data;

public static class DatabaseFacadeKind
{
    /// <summary>Which database product a context works on, told by its connection's type.</summary>
    /// <remarks>
    /// EF's <c>IsSqlite()</c> and <c>ProviderName</c> read the provider's assembly name each time
    /// (<c>Assembly.GetName()</c>), and every engine command asks several times: 3 % of a ten-step start's CPU (P1,
    /// docs/benchmarks.md). Use them only where a context may have no connection yet.
    /// </remarks>
    public static DatabaseKind Kind(this DatabaseFacade database) => database.GetDbConnection() switch
    {
        SqliteConnection => DatabaseKind.Sqlite,
        Npgsql.NpgsqlConnection => DatabaseKind.PostgreSql,
        Microsoft.Data.SqlClient.SqlConnection => DatabaseKind.SqlServer,
        var other => throw new NotSupportedException($"No database product is known for {other.GetType().Name}."),
    };
}
