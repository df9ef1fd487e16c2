using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Bench;

/// <summary>
/// What the benchmarks of the real Host share: the databases to run on, a throwaway database for each run, and the
/// Host's settings for it (seeds from the repository, files in a temp folder, in-process jobs, warnings only).
/// </summary>
internal static class BenchHosts
{
    /// <param name="choice">sqlite, postgres or both (anything else).</param>
    public static string[] Databases(string choice) => choice switch
    {
        "sqlite" => ["SQLite"],
        "postgres" => ["PostgreSQL"],
        _ => ["SQLite", "PostgreSQL"],
    };

    /// <summary>Runs <paramref name="run"/>(database, connection string, temp folder) once per database, each on a fresh one.</summary>
    public static async Task ForEachAsync(IEnumerable<string> databases, string name, Func<string, string, string, Task> run)
    {
        try
        {
            foreach (var database in databases)
            {
                var folder = Directory.CreateTempSubdirectory($"rjh-{name}-").FullName;
                var connection = database == "SQLite"
                    ? $"Data Source={Path.Combine(folder, name + ".db")}"
                    : await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
                await run(database, connection, folder);
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            }
        }
        finally
        {
            PostgresCluster.StopIfStarted();
        }
    }

    public static List<string> Settings(string database, string connection, string folder) =>
    [
        $"--Database:Provider={(database == "SQLite" ? "Sqlite" : "PostgreSql")}",
        $"--ConnectionStrings:Default={connection}",
        $"--DataProtection:KeysPath={Path.Combine(folder, "keys")}",
        $"--Mail:Folder={Path.Combine(folder, "mail")}",
        $"--Workflows:SeedFolder={Path.Combine(Repository, "workflows")}",
        $"--Policies:SeedFolder={Path.Combine(Repository, "workflows", "policies")}",
        $"--Mail:TemplateFolder={Path.Combine(Repository, "workflows", "templates")}",
        $"--Forms:Folder={Path.Combine(Repository, "workflows", "forms")}",
        $"--Forms:VersionsFolder={Path.Combine(folder, "forms")}",
        // The Host's static-asset manifest is copied beside the benchmark under the Host's name.
        "--applicationName=RJH.DeviceWorkflows.Host",
        "--environment=Development", "--Urls=http://127.0.0.1:0", "--Demo:Seed=false", "--Jobs:Runner=InProcess",
        "--Logging:LogLevel:Default=Warning",
    ];

    public static string Repository { get; } = FindRepository();

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RJH.DeviceWorkflows.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository was not found above the benchmark's folder.");
    }
}
