using Microsoft.Extensions.Configuration;

namespace RJH.DeviceWorkflows.Data;

/// <summary>Which database the host uses: setting <c>Database:Provider</c> and connection string <c>Default</c>.</summary>
public sealed record DatabaseOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string DefaultConnectionString = "Data Source=data/rjh.db";

    public static DatabaseOptions From(IConfiguration configuration) => new(
        configuration["Database:Provider"] is { Length: > 0 } provider ? provider : Sqlite,
        configuration.GetConnectionString("Default") is { Length: > 0 } cs ? cs : DefaultConnectionString);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
