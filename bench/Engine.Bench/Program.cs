using RJH.DeviceWorkflows.Engine.Bench;

// Figures, not pass/fail. Usage (Release):
//   dotnet run -c Release --project bench/Engine.Bench -- [--seconds 10] [--workers 8] [--postgres "<connection string>"]
//     [--scenarios all|p1,p2,p3] [--p2-instances 2000] [--p3-instances 100000] [--warmup-seconds 20 (P1)] [--postgres-only (with --postgres)]
// bench/run.sh starts a throwaway PostgreSQL cluster and passes --postgres.
var options = BenchOptions.Parse(args);
Console.WriteLine($"RJH engine benchmark — {Environment.ProcessorCount} cores, {options.Seconds} s per measurement, {options.Workers} workers, P1 warmed up for {options.WarmupSeconds} s");

foreach (var database in options.Databases())
{
    Console.WriteLine();
    Console.WriteLine($"== {database.Label}");
    // The ceiling is measured before P1 and again after it, and P1 compared with their mean: the machine's speed drifts
    // by a fifth over a minute (shared cores), and one ceiling taken half a minute before P1 moved the ratio by as much.
    var before = await RawCommitBenchmark.RunAsync(database, options);
    Console.WriteLine($"raw single-row update commits: {before:F0}/s (the ceiling, before P1)");
    var (p1, p1Cpu) = await InlineFlowBenchmark.RunAsync(database, options);
    var after = await RawCommitBenchmark.RunAsync(database, options);
    var ceiling = (before + after) / 2;
    Console.WriteLine($"raw single-row update commits: {after:F0}/s (the ceiling, after P1); mean {ceiling:F0}/s");
    Console.WriteLine($"P1 10-step all-inline flow: {p1:F0} completed instances/s — {100 * p1 / ceiling:F0} % of the raw commit rate (target ≥ 50 %); {p1Cpu.TotalMicroseconds:F0} µs CPU per instance in this process");
    var floor = await StorageFloorBenchmark.RunAsync(database, options);
    Console.WriteLine($"  its two rows per instance inserted raw (prepared, no engine): {floor:F0}/s — {100 * floor / ceiling:F0} % of the raw commit rate; P1 is {100 * p1 / floor:F0} % of this");
    if (!options.Runs("p2") && !options.Runs("p3")) continue;
    if (options.Runs("p2"))
    {
        var (instances, tasks) = await JobFlowBenchmark.RunAsync(database, options, options.JobInstances);
        Console.WriteLine($"P2 3 job activities ({options.JobInstances} instances, in-process job runner): {instances:F0} completed instances/s, {tasks:F0} job tasks/s");
    }
    if (options.Runs("p3"))
    {
        var (p50, p95, p99, setup) = await InboxBenchmark.RunAsync(database, options, options.StoredInstances, 500);
        Console.WriteLine($"P3 complete a task + read the next inbox page with {options.StoredInstances} stored instances (set up in {setup.TotalSeconds:F0} s): p50 {p50:F1} ms, p95 {p95:F1} ms, p99 {p99:F1} ms");
    }
}
