using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.State;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// Incidents: a token stops where its step failed (or an error went uncaught) and waits there for a person. Retry
/// runs the element again, resolve counts it as done; only cancel or terminate ends an instance that has one.
/// A called instance's incident shows on its parent's call activity too, and acting there acts on the child's.
/// </summary>
internal sealed partial class ProcessExecution
{
    /// <summary>An open incident holds the token (its own failure, or one of the instance it called).</summary>
    private bool HasIncidents => State.Tokens.Any(t => t.Phase == TokenPhase.Failed || t.ChildIncident);

    /// <summary>The token stops at its element with an incident; other tokens go on.</summary>
    private async Task FailAsync(Token token, string error, CancellationToken ct, int attempts = 1, string? errorCode = null)
    {
        token.Phase = TokenPhase.Failed;
        token.WaitingFor = null;
        await AddIncidentAsync(token, error, attempts, errorCode, ct);
    }

    /// <summary>The stored column's length; a model may name a longer code, which is then cut.</summary>
    private const int MaxErrorCodeLength = 200;

    private async Task AddIncidentAsync(Token token, string error, int attempts, string? errorCode, CancellationToken ct)
    {
        if (errorCode?.Length > MaxErrorCodeLength) errorCode = errorCode[..MaxErrorCodeLength];
        var incident = new IncidentRecord
        {
            Id = Guid.CreateVersion7(ctx.Now), InstanceId = Id, ElementId = token.ElementId, TokenId = token.Id,
            ErrorCode = errorCode, Error = error, Attempts = attempts, CreatedAt = ctx.Now,
        };
        ctx.Tx.AddIncident(incident);
        NewIncidents.Add(incident);
        Record.Status = InstanceStatus.Faulted;
        ctx.Journal(Id, "Incident", token.ElementId, error);
        if (await ParentAsync(ct) is { } parent)
            await parent.OnChildIncidentAsync(Record.ParentTokenId!, Id, incident, ct);
    }

    /// <summary>The called instance got an incident: the call activity shows one as well (one, however many the child has).</summary>
    private async Task OnChildIncidentAsync(string tokenId, Guid childId, IncidentRecord cause, CancellationToken ct)
    {
        var token = FindToken(tokenId);
        if (token is null || token.ChildInstanceId != childId || token.ChildIncident) return;
        token.ChildIncident = true;
        await AddIncidentAsync(token, $"The called instance {childId} has an incident at '{cause.ElementId}': {cause.Error}", 1, cause.ErrorCode, ct);
    }

    /// <summary>Every incident of the called instance was dealt with: the call activity's closes too.</summary>
    private async Task OnChildIncidentsClearedAsync(string tokenId, Guid childId, CancellationToken ct)
    {
        var token = FindToken(tokenId);
        if (token is null || token.ChildInstanceId != childId || !token.ChildIncident) return;
        token.ChildIncident = false;
        await CloseIncidentsOfAsync(token, "IncidentClosed", ct);
        await IncidentsChangedAsync(ct);
    }

    /// <summary>
    /// The called instance was cancelled while this one waited for it: the call activity gets an incident, so a
    /// person can call the process again (retry) or go on without it (resolve).
    /// </summary>
    private async Task OnChildCancelledAsync(string tokenId, Guid childId, CancellationToken ct)
    {
        var token = FindToken(tokenId);
        if (token is null || token.ChildInstanceId != childId) return;
        if (token.ChildIncident)
        {
            token.ChildIncident = false;
            await CloseIncidentsOfAsync(token, "IncidentClosed", ct);
        }
        token.ChildInstanceId = null;
        await FailAsync(token, $"The called instance {childId} was cancelled.", ct);
    }

    /// <summary>Sets the status from the open incidents; the parent hears when the last one is gone.</summary>
    private async Task IncidentsChangedAsync(CancellationToken ct)
    {
        if (!IsActive) return;
        if (HasIncidents)
        {
            Record.Status = InstanceStatus.Faulted;
            return;
        }
        Record.Status = InstanceStatus.Running;
        if (await ParentAsync(ct) is { } parent) await parent.OnChildIncidentsClearedAsync(Record.ParentTokenId!, Id, ct);
    }

    /// <summary>Tries the failed step again (a job gets a fresh set of attempts), with changed variables if given.</summary>
    public async Task RetryAsync(IncidentRecord incident, JsonObject? variables, CancellationToken ct)
    {
        var token = IncidentToken(incident);
        if (token.Phase != TokenPhase.Failed)
        {
            await ForChildIncidentsAsync(token, (child, i) => child.RetryAsync(i, variables, ct), ct);
            return;
        }
        SetVariables(token.ScopeId, variables);
        Close(incident, "IncidentRetried");
        var job = token.JobId is { } jobId ? await ctx.Tx.LoadJobAsync(jobId, ct) : null;
        if (job is not null)
        {
            job.Status = JobStatus.Pending;
            job.Attempts = 0;
            job.LastError = null;
            job.NextAttemptAt = null;
            // Changed variables are what such a retry is for (a mistyped id): the job reads its inputs from them again.
            if (variables is not null && Model.Node(token.ElementId) is ServiceTask task)
                job.Inputs = ctx.Codec.SerializeInputs(new JsonObject(EvaluateInputs(token, task)));
            Wait(token, WaitReason.Job);
            ctx.AfterCommit.DispatchJob(job.Id, null);
        }
        else
        {
            token.Phase = TokenPhase.Arrived;
            token.WaitingFor = null;
        }
        await IncidentsChangedAsync(ct);
        await RunAsync(ct);
    }

    /// <summary>Someone did the step by hand: the token leaves the element as if it had succeeded.</summary>
    public async Task ResolveAsync(IncidentRecord incident, JsonObject? variables, CancellationToken ct)
    {
        var token = IncidentToken(incident);
        if (token.Phase != TokenPhase.Failed)
        {
            await ForChildIncidentsAsync(token, (child, i) => child.ResolveAsync(i, variables, ct), ct);
            return;
        }
        SetVariables(token.ScopeId, variables);
        Close(incident, "IncidentResolved");
        token.JobId = null;
        Complete(token);
        await IncidentsChangedAsync(ct);
        await RunAsync(ct);
    }

    private Token IncidentToken(IncidentRecord incident)
    {
        if (incident.ResolvedAt is not null) throw new ConflictException("The incident is already resolved.");
        if (!IsActive) throw new ConflictException($"The instance has ended ({Record.Status}); there is nothing to retry.");
        var token = State.Tokens.Find(t => t.Id == incident.TokenId);
        return token is { Phase: TokenPhase.Failed } or { ChildIncident: true } ? token
            : throw new ConflictException("The step of this incident is no longer waiting for a decision.");
    }

    /// <summary>An incident at a call activity is the called instance's: acting on it acts on the child's open incidents.</summary>
    private async Task ForChildIncidentsAsync(Token token, Func<ProcessExecution, IncidentRecord, Task> action, CancellationToken ct)
    {
        var child = token.ChildInstanceId is { } childId ? await ctx.TryLoadAsync(childId, ct) : null;
        var open = child is null ? [] : await child.OpenIncidentsAsync(ct);
        if (child is null || open.Count == 0) throw new ConflictException("The called instance has no open incident to act on.");
        // Acting on one can settle another (a retried branch that terminates the instance), so each is checked again.
        foreach (var incident in open)
            if (incident.ResolvedAt is null && child.IsActive) await action(child, incident);
    }

    /// <summary>A removed token takes its incidents with it (an interrupting boundary event, terminate, cancel).</summary>
    private async Task CloseIncidentsOfRemovedAsync(Token token, CancellationToken ct)
    {
        if (token.Phase != TokenPhase.Failed && !token.ChildIncident) return;
        token.ChildIncident = false;
        await CloseIncidentsOfAsync(token, "IncidentClosed", ct);
        await IncidentsChangedAsync(ct);
    }

    private async Task CloseIncidentsOfAsync(Token token, string kind, CancellationToken ct)
    {
        foreach (var incident in await OpenIncidentsAsync(ct))
            if (incident.TokenId == token.Id) Close(incident, kind);
    }

    private void Close(IncidentRecord incident, string kind)
    {
        incident.ResolvedAt = ctx.Now;
        ctx.Journal(Id, kind, incident.ElementId);
    }

    /// <summary>Open incidents, those raised in this command included (a query does not see them yet).</summary>
    private async Task<List<IncidentRecord>> OpenIncidentsAsync(CancellationToken ct)
    {
        IEnumerable<IncidentRecord> stored = IsNew ? [] : await ctx.Tx.LoadOpenIncidentsAsync(Id, ct);
        return stored.Concat(NewIncidents).Where(i => i.ResolvedAt is null).DistinctBy(i => i.Id).ToList();
    }
}
