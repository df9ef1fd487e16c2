namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// What a rule set decided and why. <see cref="Outputs"/> holds the deciding rule's outputs (e.g.
/// <c>costCenter</c>, <c>suggestedDeviceType</c>, <c>until</c>); enum values come as their names.
/// </summary>
public sealed record PolicyDecision(
    string Set,
    int Version,
    string Outcome,
    IReadOnlyDictionary<string, object?> Outputs,
    IReadOnlyList<PolicyReason> Reasons);

/// <summary>Why: the rule that decided, a Swedish sentence a manager can read, and the same in English when the rule has it.</summary>
public sealed record PolicyReason(string Rule, string Message, string? English = null);
