namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>A rule set as read from its RulesEngine workflow JSON, before its expressions are checked.</summary>
internal sealed record PolicyWorkflow(string Name, IReadOnlyList<PolicyRule> Rules);

/// <summary>
/// One line of a decision table: RulesEngine's RuleName, Expression and SuccessEvent (the outcome),
/// and in Properties the Swedish <c>reason</c>, optional <c>reasonEn</c> and <c>outputs</c>
/// (name → expression). Reasons may name outputs as <c>{costCenter}</c>.
/// </summary>
internal sealed record PolicyRule(
    string Name,
    string Expression,
    string Outcome,
    string Reason,
    string? ReasonEn,
    IReadOnlyList<PolicyOutput> Outputs,
    bool Enabled);

internal sealed record PolicyOutput(string Name, string Expression);
