using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.TestHost;

/// <summary>
/// Stands for a call to an outside system: waits a little, appends its idempotency key to a log file
/// (setting Testing:SideEffectLog) and returns the key, so a test can compare what happened outside
/// with what was applied to the instances.
/// </summary>
[Activity("Test.SideEffect", Execution = ActivityExecution.Job)]
internal sealed class SideEffectActivity(IConfiguration configuration) : IActivity
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        if (context.Input("ms")?.GetValue<int>() is { } ms and > 0) await Task.Delay(ms, ct);
        var log = configuration["Testing:SideEffectLog"] ?? throw new InvalidOperationException("Testing:SideEffectLog is not set.");
        await Gate.WaitAsync(ct);
        try { await File.AppendAllTextAsync(log, context.IdempotencyKey + "\n", ct); }
        finally { Gate.Release(); }
        return new ActivityResult(new Dictionary<string, JsonNode?> { ["key"] = context.IdempotencyKey });
    }
}
