using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>The engine's commands, each counted, timed and traced under its own name.</summary>
internal sealed class MeteredWorkflowEngine(IWorkflowEngine inner, EngineMetrics metrics) : IWorkflowEngine
{
    public Task<DefinitionVersionView> DeployAsync(string bpmnXml, bool publish, Caller caller, CancellationToken ct = default) =>
        Run("deploy", () => inner.DeployAsync(bpmnXml, publish, caller, ct));

    public Task<DefinitionVersionView> PublishAsync(string key, int version, Caller caller, CancellationToken ct = default) =>
        Run("publish", () => inner.PublishAsync(key, version, caller, ct));

    public Task<InstanceView> StartAsync(StartInstance request, Caller caller, CancellationToken ct = default) =>
        Run("start", () => inner.StartAsync(request, caller, ct));

    public Task<InstanceView> CancelAsync(Guid instanceId, Caller caller, CancellationToken ct = default) =>
        Run("cancel", () => inner.CancelAsync(instanceId, caller, ct));

    public Task<TaskView> ClaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default) =>
        Run("claim", () => inner.ClaimTaskAsync(taskId, caller, ct));

    public Task<TaskView> UnclaimTaskAsync(Guid taskId, Caller caller, CancellationToken ct = default) =>
        Run("unclaim", () => inner.UnclaimTaskAsync(taskId, caller, ct));

    public Task<TaskView> CompleteTaskAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        Run("complete", () => inner.CompleteTaskAsync(taskId, variables, caller, ct));

    public Task<int> CorrelateMessageAsync(string name, string? correlationKey, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        Run("correlate", () => inner.CorrelateMessageAsync(name, correlationKey, variables, caller, ct));

    public Task<int> FireDueTimersAsync(CancellationToken ct = default) =>
        Run("fire-due-timers", () => inner.FireDueTimersAsync(ct));

    public Task<InstanceView> RetryIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        Run("retry-incident", () => inner.RetryIncidentAsync(incidentId, variables, caller, ct));

    public Task<InstanceView> ResolveIncidentAsync(Guid incidentId, JsonObject? variables, Caller caller, CancellationToken ct = default) =>
        Run("resolve-incident", () => inner.ResolveIncidentAsync(incidentId, variables, caller, ct));

    private Task<T> Run<T>(string command, Func<Task<T>> work) =>
        Measured.RunAsync("engine " + command, work, (outcome, took) => metrics.Command(command, outcome, took));
}

/// <summary>Outbox work as Hangfire runs it: latency and failures of job activities and timers.</summary>
internal sealed class MeteredJobRunner(IJobRunner inner, EngineMetrics metrics) : IJobRunner
{
    public Task RunJobAsync(Guid jobId, CancellationToken ct = default) =>
        Measured.RunAsync("engine job", () => inner.RunJobAsync(jobId, ct), (outcome, took) => metrics.Job("job", outcome, took));

    public Task FireTimerAsync(Guid timerId, CancellationToken ct = default) =>
        Measured.RunAsync("engine timer", () => inner.FireTimerAsync(timerId, ct), (outcome, took) => metrics.Job("timer", outcome, took));
}
