using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// What a rule set decided and why. <see cref="Outputs"/> holds the deciding row's outputs (e.g.
/// <c>costCenter</c>, <c>suggestedDeviceType</c>, <c>until</c>); enum values come as their names.
/// </summary>
public sealed record PolicyDecision(
    string Set,
    int Version,
    string Outcome,
    IReadOnlyDictionary<string, object?> Outputs,
    IReadOnlyList<PolicyReason> Reasons)
{
    private Func<PolicyExplanation>? explain;
    private PolicyExplanation? explanation;

    /// <summary>
    /// Which conditions decided, with the fact values they saw. Worked out when first read (the API reads it,
    /// a workflow does not), so a decision costs no more than the matching.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PolicyExplanation? Explanation
    {
        get => explanation ??= explain?.Invoke();
        init => explanation = value;
    }

    internal PolicyDecision ExplainedBy(Func<PolicyExplanation> explainer)
    {
        explain = explainer;
        return this;
    }

    /// <summary>The decision as a workflow variable keeps it: without the explanation, which the decision log has.</summary>
    public PolicyDecision WithoutExplanation() => new(Set, Version, Outcome, Outputs, Reasons);
}

/// <summary>Why: the rule that decided, a Swedish sentence a manager can read, and the same in English when the rule has it.</summary>
public sealed record PolicyReason(string Rule, string Message, string? English = null);

/// <summary>
/// <see cref="Decided"/>: every test of the deciding row(s), each with the values it saw. <see cref="NotMatched"/>:
/// for <c>First</c> the rows above the deciding one, for <c>Collect</c> every row that did not match, each with
/// the first of its tests that failed.
/// </summary>
public sealed record PolicyExplanation(string HitPolicy, IReadOnlyList<PolicyTestTrace> Decided, IReadOnlyList<PolicyTestTrace> NotMatched);

/// <summary>One test of a row: <see cref="Cell"/> is the input column or "condition"; <see cref="Test"/> is its text as written.</summary>
public sealed record PolicyTestTrace(string Rule, string Cell, string Test, IReadOnlyDictionary<string, object?> Seen, bool Result);
