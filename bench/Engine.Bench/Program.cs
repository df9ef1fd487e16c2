using RJH.DeviceWorkflows.Engine.Bench;

// Figures, not pass/fail. Usage (Release):
//   dotnet run -c Release --project bench/Engine.Bench -- [--seconds 10] [--workers 4] [--postgres "<connection string>"]
var options = BenchOptions.Parse(args);
Console.WriteLine($"RJH engine benchmark — {Environment.ProcessorCount} cores, {options.Seconds} s per measurement, {options.Workers} workers");

foreach (var database in options.Databases())
{
    Console.WriteLine();
    Console.WriteLine($"== {database.Label}");
    var ceiling = await RawCommitBenchmark.RunAsync(database, options);
    Console.WriteLine($"raw single-row update commits: {ceiling:F0}/s (the ceiling)");
    var p1 = await InlineFlowBenchmark.RunAsync(database, options);
    Console.WriteLine($"P1 10-step all-inline flow: {p1:F0} completed instances/s — {100 * p1 / ceiling:F0} % of the raw commit rate");
}
