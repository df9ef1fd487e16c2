using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class ProcessExecution
{
    /// <summary>
    /// A job activity does not run inside the command: its inputs go to the outbox with the instance
    /// state, and the token waits until the job's result comes back as a command of its own.
    /// </summary>
    private void CreateJob(Token token, ServiceTask task)
    {
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(ctx.Now), InstanceId = Id, TokenId = token.Id, ElementId = task.Id,
            ActivityType = task.ActivityType, Inputs = ctx.Codec.SerializeInputs(new JsonObject(EvaluateInputs(token, task))),
            IdempotencyKey = IdempotencyKey(token, task), Status = JobStatus.Pending, CreatedAt = ctx.Now,
        };
        ctx.Tx.AddJob(job);
        // The tracked record itself: a change later in this command (a boundary event cancelling the job) is what commits.
        ctx.AfterCommit.DispatchCreatedJob(new JobToRun(job, Record.BusinessKey));
        token.JobId = job.Id;
        Wait(token, WaitReason.Job);
        ctx.Journal(Id, "JobQueued", task.Id, task.ActivityType, actor: "engine");
    }

    /// <summary>The token that waits for this job, or null when its result was applied already (or is moot).</summary>
    private Token? JobToken(JobRecord job) =>
        State.Tokens.Find(t => t.JobId == job.Id && t.Id == job.TokenId);

    /// <summary>Applies a job's result once: a second delivery finds the token gone and changes nothing.</summary>
    public async Task<bool> CompleteJobAsync(JobRecord job, ActivityResult result, CancellationToken ct)
    {
        var token = JobToken(job);
        job.Status = JobStatus.Completed;
        job.CompletedAt = ctx.Now;
        if (token is null || token.Phase != TokenPhase.Waiting || !IsActive) return false;
        token.JobId = null;
        ctx.Journal(Id, "JobCompleted", job.ElementId, $"{job.ActivityType} on attempt {job.Attempts + 1}", actor: "engine");
        try
        {
            ApplyResult(token, (ServiceTask)Model.Node(job.ElementId), result);
            Complete(token);
        }
        catch (StepFailedException e) { await FailAsync(token, e.Message, ct); }
        await RunAsync(ct);
        return true;
    }

    /// <summary>The job raised a BPMN error: it is handled like one raised inline.</summary>
    public async Task<bool> JobRaisedErrorAsync(JobRecord job, BpmnErrorException error, CancellationToken ct)
    {
        var token = JobToken(job);
        job.Status = JobStatus.Completed;
        job.CompletedAt = ctx.Now;
        if (token is null || !IsActive) return false;
        token.JobId = null;
        await RaiseErrorAsync(token, error.Code, error.Message, ct);
        await RunAsync(ct);
        return true;
    }

    /// <summary>
    /// The activity asked to run later: the job rests (Deferred, so a duplicate delivery or a restart's
    /// recovery does not run it) and its token waits on a timer that makes it Pending again.
    /// </summary>
    public bool DeferJob(JobRecord job, DateTimeOffset until, string reason)
    {
        var token = JobToken(job);
        if (token is null || token.Phase != TokenPhase.Waiting || !IsActive) return false;
        job.Status = JobStatus.Deferred;
        job.NextAttemptAt = until;
        var wait = new Wait { Id = Guid.CreateVersion7(ctx.Now), TokenId = token.Id, ElementId = job.ElementId, Kind = WaitKind.Timer, DueAt = until };
        State.Waits.Add(wait);
        ctx.Journal(Id, "JobDeferred", job.ElementId, $"{job.ActivityType} until {until:O}: {reason}", actor: "engine");
        return true;
    }

    /// <summary>The deferral timer of a job fell due: the job becomes Pending and is handed to the runner.</summary>
    private async Task ResumeDeferredJobAsync(Wait wait, Token token, CancellationToken ct)
    {
        State.Waits.Remove(wait);
        var job = token.JobId is { } jobId ? await ctx.Tx.LoadJobAsync(jobId, ct) : null;
        if (job is not { Status: JobStatus.Deferred }) return;
        job.Status = JobStatus.Pending;
        job.NextAttemptAt = null;
        ctx.AfterCommit.DispatchJob(job.Id, null);
    }

    /// <summary>Retries are used up: the token stops with an incident that says how often it was tried.</summary>
    public async Task JobExhaustedAsync(JobRecord job, CancellationToken ct)
    {
        job.Status = JobStatus.Failed;
        var token = JobToken(job);
        if (token is null || !IsActive) return;
        await FailAsync(token, $"Activity '{job.ActivityType}' failed after {job.Attempts} attempt(s): {job.LastError}", ct, job.Attempts);
    }
}
