using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Diagnostics;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class WorkflowEngine : IJobRunner
{
    public async Task RunJobAsync(Guid jobId, CancellationToken ct = default)
    {
        var found = handover.Take(jobId) ?? await store.FindJobToRunAsync(jobId, ct);
        if (found is not { Job: var job } || job.Status != JobStatus.Pending) return;   // applied already: a duplicate delivery
        if (job.NextAttemptAt is { } notBefore && notBefore > time.GetUtcNow())
        {
            dispatcher.DispatchJob(jobId, notBefore);
            return;
        }
        var inputs = codec.DeserializeInputs(job.Inputs).ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        var context = new ActivityContext(job.InstanceId, found.BusinessKey, job.ElementId, job.IdempotencyKey, inputs);

        ActivityResult? result = null;
        BpmnErrorException? bpmnError = null;
        ActivityDeferredException? deferral = null;
        Exception? failure = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            try { result = await ExecuteWithinLimitAsync(activities.Create(job.ActivityType, scope.ServiceProvider), job.ActivityType, context, ct); }
            catch (BpmnErrorException e) { bpmnError = e; }
            catch (ActivityDeferredException e) { deferral = e; }
            catch (Exception e) when (e is not OperationCanceledException) { failure = e; }
        }
        if (failure is not null)
        {
            EngineInstruments.JobAttemptFailed(job.ActivityType);
            logger.LogWarning("Job {JobId} ({Activity}) of instance {InstanceId} failed: {Error}", jobId, job.ActivityType, job.InstanceId, failure.Message);
        }

        try
        {
            if (deferral is not null) await DeferJobAsync(jobId, deferral, ct);
            else await ApplyJobOutcomeAsync(jobId, result, bpmnError, failure, ct);
        }
        catch (ConflictException e)
        {
            // Lost every race to apply the outcome (a busy instance): run the job again shortly rather
            // than leave it to the sweep; the activity sees the same idempotency key.
            logger.LogWarning("Job {JobId}: its outcome could not be applied ({Reason}); dispatching it again", jobId, e.Message);
            dispatcher.DispatchJob(jobId, time.GetUtcNow() + TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Runs the activity for at most its time limit, counted from before the call so that a slow synchronous start
    /// counts too. The wait ends at the limit even when the activity ignores its cancellation token; the token is
    /// cancelled then so a well-behaved call stops its request.
    /// </summary>
    private async Task<ActivityResult> ExecuteWithinLimitAsync(IActivity activity, string activityType, ActivityContext context, CancellationToken ct)
    {
        var limit = jobOptions.Value.TimeoutFor(activityType);
        using var limitReached = new CancellationTokenSource(limit, time);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct, limitReached.Token);
        try
        {
            return await activity.ExecuteAsync(context, call.Token).WaitAsync(call.Token);
        }
        catch (OperationCanceledException) when (limitReached.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The activity did not answer within {limit}.");
        }
    }

    private Task<bool> ApplyJobOutcomeAsync(Guid jobId, ActivityResult? result, BpmnErrorException? bpmnError, Exception? failure,
        CancellationToken ct) =>
        CommandAsync(Caller.System, async ctx =>
        {
            var tracked = await ctx.Tx.LoadJobWithInstanceAsync(jobId, ct);
            if (tracked is null || tracked.Status != JobStatus.Pending) return false;
            var execution = await ctx.TryLoadAsync(tracked.InstanceId, ct);
            if (execution is null)
            {
                tracked.Status = JobStatus.Failed;
                return false;
            }
            if (result is not null) return await execution.CompleteJobAsync(tracked, result, ct);
            if (bpmnError is not null) return await execution.JobRaisedErrorAsync(tracked, bpmnError, ct);

            tracked.Attempts++;
            tracked.LastError = failure!.Message;
            if (tracked.Attempts >= jobOptions.Value.MaxAttemptsFor(tracked.ActivityType))
            {
                await execution.JobExhaustedAsync(tracked, ct);
                return true;
            }
            tracked.NextAttemptAt = ctx.Now + jobOptions.Value.DelayAfter(tracked.ActivityType, tracked.Attempts);
            ctx.Journal(tracked.InstanceId, "JobRetryScheduled", tracked.ElementId,
                $"attempt {tracked.Attempts} failed; next at {tracked.NextAttemptAt:O}", actor: "engine");
            ctx.AfterCommit.DispatchJob(jobId, tracked.NextAttemptAt);
            return true;
        }, ct);

    private Task<bool> DeferJobAsync(Guid jobId, ActivityDeferredException deferral, CancellationToken ct) =>
        CommandAsync(Caller.System, async ctx =>
        {
            var tracked = await ctx.Tx.LoadJobWithInstanceAsync(jobId, ct);
            if (tracked is null || tracked.Status != JobStatus.Pending) return false;
            var execution = await ctx.TryLoadAsync(tracked.InstanceId, ct);
            return execution is not null && execution.DeferJob(tracked, deferral.Until, deferral.Reason);
        }, ct);

    public async Task FireTimerAsync(Guid timerId, CancellationToken ct = default)
    {
        var timer = await store.FindTimerAsync(timerId, ct);
        if (timer is null || timer.DueAt > time.GetUtcNow()) return;
        try { await FireAsync(timer, ct); }
        catch (ConflictException) { /* another host fired it; the poller sees any leftover */ }
    }

    // ---- incidents --------------------------------------------------------------------

    public Task<InstanceView> RetryIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        OnIncidentAsync(incidentId, caller, (execution, incident) => execution.RetryAsync(incident, (JsonObject?)variables?.DeepClone(), ct), ct);

    public Task<InstanceView> ResolveIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        OnIncidentAsync(incidentId, caller, (execution, incident) => execution.ResolveAsync(incident, (JsonObject?)variables?.DeepClone(), ct), ct);

    private async Task<InstanceView> OnIncidentAsync(Guid incidentId, Caller caller,
        Func<ProcessExecution, IncidentRecord, Task> action, CancellationToken ct)
    {
        if (!caller.IsAdmin) throw new ForbiddenException("Only an admin may retry or resolve incidents.");
        var instanceId = await CommandAsync(caller, async ctx =>
        {
            var incident = await ctx.Tx.LoadIncidentAsync(incidentId, ct) ?? throw new NotFoundException($"Incident {incidentId} does not exist.");
            var execution = await ctx.LoadAsync(incident.InstanceId, ct);
            await action(execution, incident);
            return incident.InstanceId;
        }, ct);
        return await views.InstanceAsync(instanceId, ct);
    }
}
