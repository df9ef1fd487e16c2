using Microsoft.Extensions.Configuration;

namespace RJH.DeviceWorkflows.Data;

/// <summary>Which database the host uses: setting <c>Database:Provider</c> and connection string <c>Default</c>.</summary>
public sealed record DatabaseOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string SqlServer = "SqlServer";
    public const string DefaultConnectionString = "Data Source=data/rjh.db";

    /// <summary>Reads the settings. An unknown provider fails here, at start-up, not at the first query.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions(
            configuration["Database:Provider"] is { Length: > 0 } provider ? provider : Sqlite,
            configuration.GetConnectionString("Default") is { Length: > 0 } cs ? cs : DefaultConnectionString);
        _ = options.Kind;
        return options;
    }

    public static DatabaseOptions For(DatabaseKind kind, string connectionString) => new(kind.ToString(), connectionString);

    /// <summary>The provider named by <see cref="Provider"/>, ignoring case.</summary>
    /// <exception cref="NotSupportedException">The name is none of Sqlite, PostgreSql, SqlServer.</exception>
    public DatabaseKind Kind
    {
        get
        {
            // By name only: Enum.TryParse would also accept "1".
            foreach (var kind in Enum.GetValues<DatabaseKind>())
                if (string.Equals(kind.ToString(), Provider, StringComparison.OrdinalIgnoreCase))
                    return kind;
            throw new NotSupportedException(
                $"Database provider '{Provider}' (setting Database:Provider) is not supported; use {Sqlite}, {PostgreSql} or {SqlServer}.");
        }
    }

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
