using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Decisions;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// Policy rule sets as the Host's API and the engine's Policy.Evaluate activity use them. Errors are
/// <see cref="PolicyException"/>s: not found → 404, facts → 400, rules → 400 with [{rule, message}].
/// </summary>
public interface IPolicyService
{
    /// <summary>Every stored set with its latest and published version.</summary>
    Task<IReadOnlyList<PolicySetSummary>> ListAsync(CancellationToken ct = default);

    /// <exception cref="PolicySetNotFoundException">Unknown, or never stored.</exception>
    Task<PolicySetDetails> GetAsync(string set, CancellationToken ct = default);

    /// <summary>Validates and, when valid, stores the table JSON as the set's next (unpublished) version.</summary>
    /// <returns>The new version, or the errors each naming its rule; nothing is stored when there are errors.</returns>
    /// <exception cref="PolicySetNotFoundException">Not a set the product knows.</exception>
    Task<PolicySaveResult> SaveDraftAsync(string set, string tableJson, string actor, CancellationToken ct = default);

    /// <summary>Checks a table JSON exactly as <see cref="SaveDraftAsync"/> does before it stores, and stores nothing: the editor checks every change with it.</summary>
    /// <returns>The errors, each naming its rule and cell; none when a save would be accepted.</returns>
    /// <exception cref="PolicySetNotFoundException">Not a set the product knows.</exception>
    IReadOnlyList<PolicyRuleError> Validate(string set, string tableJson);

    /// <summary>Makes a version the one evaluations use by default, once every test case of the set passes on it.</summary>
    /// <exception cref="PolicyTestsFailedException">A test case fails on that version.</exception>
    /// <exception cref="PolicySetNotFoundException"></exception>
    /// <exception cref="PolicyVersionNotFoundException"></exception>
    /// <param name="note">Why it is published (at most <see cref="PolicyNote.MaxLength"/> characters), kept with the version and in the audit.</param>
    /// <exception cref="ArgumentException">The note is too long.</exception>
    Task<PolicyVersionInfo> PublishAsync(string set, int version, string actor, string? note = null, CancellationToken ct = default);

    /// <summary>Decides on <paramref name="facts"/> with the published version, or with <paramref name="version"/> (a draft, say).</summary>
    /// <exception cref="PolicySetNotFoundException"></exception>
    /// <exception cref="PolicyVersionNotFoundException"></exception>
    /// <exception cref="PolicyFactsException">Unknown or missing fields, bad values, or a part a rule reads is left out.</exception>
    /// <exception cref="PolicyNoMatchException"></exception>
    Task<PolicyDecision> EvaluateAsync(string set, JsonElement facts, int? version = null, CancellationToken ct = default);

    /// <inheritdoc cref="EvaluateAsync(string, JsonElement, int?, CancellationToken)"/>
    Task<PolicyDecision> EvaluateAsync(string set, DeviceFacts facts, int? version = null, CancellationToken ct = default);

    /// <inheritdoc cref="EvaluateAsync(string, JsonElement, int?, CancellationToken)"/>
    Task<PolicyDecision> EvaluateAsync(string set, NotificationFacts facts, int? version = null, CancellationToken ct = default);

    /// <summary>Decides with the published version for a workflow's element and keeps the decision in the decision log.</summary>
    /// <inheritdoc cref="EvaluateAsync(string, JsonElement, int?, CancellationToken)"/>
    Task<PolicyDecision> DecideForWorkflowAsync(string set, JsonElement facts, Guid instanceId, string elementId, CancellationToken ct = default);

    /// <summary>The decisions made for an instance, oldest first.</summary>
    Task<IReadOnlyList<LoggedDecision>> DecisionsOfInstanceAsync(Guid instanceId, CancellationToken ct = default);

    /// <summary>The latest decisions one version of a set made, newest first.</summary>
    Task<IReadOnlyList<LoggedDecision>> DecisionsOfVersionAsync(string set, int version, int count, CancellationToken ct = default);

    /// <summary>The set's test cases with their results on the latest version.</summary>
    Task<PolicyTestSuite> GetTestsAsync(string set, CancellationToken ct = default);

    /// <summary>Replaces the set's test cases (a JSON array) and runs them on the latest version; nothing is stored when there are errors.</summary>
    Task<PolicyTestsSaveResult> SaveTestsAsync(string set, string casesJson, string actor, CancellationToken ct = default);

    /// <summary>Replays the set's last <paramref name="count"/> logged decisions on <paramref name="version"/> (default: the latest, the draft) and lists those whose outcome would change.</summary>
    Task<PolicyImpact> ImpactAsync(string set, int? version, int count, CancellationToken ct = default);
}

/// <summary>Either the saved suite with its results, or the errors.</summary>
public sealed record PolicyTestsSaveResult(PolicyTestSuite? Suite, IReadOnlyList<PolicyRuleError> Errors);

/// <summary>A set for the editor: its versions and the decision table (JSON) of the latest one.</summary>
public sealed record PolicySetDetails(string Set, int? PublishedVersion, IReadOnlyList<PolicyVersionInfo> Versions, JsonElement Table);

/// <summary>Either the stored <see cref="Version"/> or the <see cref="Errors"/>.</summary>
public sealed record PolicySaveResult(int? Version, IReadOnlyList<PolicyRuleError> Errors)
{
    public bool Saved => Version is not null;

    /// <summary>The set's test cases run on the saved version.</summary>
    public IReadOnlyList<PolicyTestResult> Tests { get; init; } = [];
}
