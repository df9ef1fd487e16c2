using System.Text.Json;

namespace RJH.DeviceWorkflows.Rules.Decisions;

/// <summary>
/// Every decision made for a workflow, kept: set, version, outcome, outputs, reasons, where (instance and
/// element), when, and the facts with personal data left out. Append-only; each decision is its own entry, so a
/// second decision of the same set in one instance does not hide the first.
/// </summary>
public interface IPolicyDecisionLog
{
    Task AddAsync(NewLoggedDecision decision, CancellationToken ct = default);

    /// <summary>An instance's decisions, oldest first.</summary>
    Task<IReadOnlyList<LoggedDecision>> ForInstanceAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>The latest <paramref name="count"/> decisions of a set, newest first; of one version when <paramref name="version"/> is given.</summary>
    Task<IReadOnlyList<LoggedDecision>> LatestAsync(string set, int? version, int count, CancellationToken ct = default);
}

public sealed record NewLoggedDecision(PolicyDecision Decision, JsonElement Facts, Guid? InstanceId, string? ElementId, DateTimeOffset DecidedAt);

/// <summary>A decision as the log keeps it; <see cref="Facts"/> has personal data replaced by "(removed)".</summary>
public sealed record LoggedDecision(
    long Id,
    string Set,
    int Version,
    string Outcome,
    JsonElement Outputs,
    IReadOnlyList<PolicyReason> Reasons,
    Guid? InstanceId,
    string? ElementId,
    DateTimeOffset DecidedAt,
    JsonElement Facts);
