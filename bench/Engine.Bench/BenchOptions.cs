namespace RJH.DeviceWorkflows.Engine.Bench;

internal sealed record BenchDatabase(string Label, string Provider, string ConnectionString);

internal sealed record BenchOptions(int Seconds, int Workers, string? Postgres, string Scenarios, int JobInstances, int StoredInstances,
    int WarmupSeconds, bool SkipSqlite)
{
    public bool Runs(string scenario) => Scenarios == "all" || Scenarios.Split(',').Contains(scenario);

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new(
            int.TryParse(Value("--seconds"), out var s) ? s : 10,
            int.TryParse(Value("--workers"), out var w) ? w : 8,
            Value("--postgres") ?? Environment.GetEnvironmentVariable("RJH_BENCH_POSTGRES"),
            Value("--scenarios") ?? "all",
            int.TryParse(Value("--p2-instances"), out var j) ? j : 2000,
            int.TryParse(Value("--p3-instances"), out var n) ? n : 100_000,
            int.TryParse(Value("--warmup-seconds"), out var warm) ? warm : 20,
            args.Contains("--postgres-only"));
    }

    public IEnumerable<BenchDatabase> Databases()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rjh-bench-{Guid.NewGuid():N}.db");
        if (!SkipSqlite || Postgres is null) yield return new("SQLite (WAL, file in temp)", "Sqlite", $"Data Source={file}");
        if (Postgres is not null) yield return new("PostgreSQL", "PostgreSql", Postgres);
    }
}
