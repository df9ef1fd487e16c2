using System.Diagnostics;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>Runs one unit of engine work inside a span, recording its outcome and duration.</summary>
internal static class Measured
{
    public static async Task<T> RunAsync<T>(string name, Func<Task<T>> work, Action<string, TimeSpan> record)
    {
        using var activity = EngineMetrics.Source.StartActivity(name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await work();
            outcome = "ok";
            return result;
        }
        catch (WorkflowException e)
        {
            // Refused by the engine (not found, forbidden, conflict, invalid): the caller's mistake, not a fault.
            outcome = "refused";
            activity?.SetTag("rjh.refusal", e.GetType().Name);
            throw;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            record(outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    public static Task RunAsync(string name, Func<Task> work, Action<string, TimeSpan> record) =>
        RunAsync<bool>(name, async () => { await work(); return true; }, record);
}
