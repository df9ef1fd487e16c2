using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RJH.DeviceWorkflows.Engine.Diagnostics;

/// <summary>
/// Measurements only the engine can take, on the meter the Host exports ("RJH.DeviceWorkflows.Engine"). A job activity
/// whose outside system fails does not fail the job run — the engine schedules a retry or raises an incident — so a
/// wrapper around the job runner cannot count it; this counter does, by activity type.
/// </summary>
internal static class EngineInstruments
{
    public const string MeterName = "RJH.DeviceWorkflows.Engine";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> FailedAttempts = Meter.CreateCounter<long>("rjh.engine.job.attempts.failed",
        "{attempt}", "Job activity attempts that failed (the engine then retries or raises an incident), by activity type.");

    public static void JobAttemptFailed(string activityType) =>
        FailedAttempts.Add(1, new KeyValuePair<string, object?>("rjh.activity", activityType));

    private static readonly Histogram<int> GroupCommitBatches = Meter.CreateHistogram<int>("rjh.engine.group_commit.batch_size",
        "{command}", "Commands whose new rows one group-commit transaction wrote (Persistence.GroupCommit).");

    public static void GroupCommitted(int commands) => GroupCommitBatches.Record(commands);

    // The source the Host traces (its name is the meter's).
    private static readonly ActivitySource Source = new(MeterName);

    /// <summary>A span for inserts sent as an ADO.NET batch, which EF's instrumentation does not see.</summary>
    public static Activity? InsertBatch(int statements, int rows)
    {
        var activity = Source.StartActivity("INSERT batch", ActivityKind.Client);
        activity?.SetTag("db.operation.name", "INSERT");
        activity?.SetTag("db.operation.batch.size", statements);
        activity?.SetTag("rjh.rows", rows);
        return activity;
    }
}
