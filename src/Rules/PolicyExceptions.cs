namespace RJH.DeviceWorkflows.Rules;

/// <summary>Base of the errors <see cref="IPolicyService"/> reports; each subtype maps to one HTTP status.</summary>
public abstract class PolicyException(string message) : Exception(message);

/// <summary>No rule set of that name (404).</summary>
public sealed class PolicySetNotFoundException(string set)
    : PolicyException($"There is no policy rule set '{set}'.")
{
    public string Set { get; } = set;
}

/// <summary>The set exists but not that version, or it has no published version yet (404).</summary>
public sealed class PolicyVersionNotFoundException(string set, int? version)
    : PolicyException(version is { } v
        ? $"Policy rule set '{set}' has no version {v}."
        : $"Policy rule set '{set}' has no published version.")
{
    public string Set { get; } = set;
    public int? Version { get; } = version;
}

/// <summary>The facts cannot be read, or lack something a rule reads (400).</summary>
public sealed class PolicyFactsException(string message) : PolicyException(message);

/// <summary>A rule set does not validate (400 with the errors, each naming its rule).</summary>
public sealed class PolicyRulesException(IReadOnlyList<PolicyRuleError> errors)
    : PolicyException("The rule set is invalid: " + string.Join("; ", errors.Select(e => e.Cell is null ? $"{e.Rule}: {e.Message}" : $"{e.Rule} [{e.Cell}]: {e.Message}")))
{
    public IReadOnlyList<PolicyRuleError> Errors { get; } = errors;
}

/// <summary>The facts were read but no rule of the set matched them: the set lacks a final catch-all rule (422).</summary>
public sealed class PolicyNoMatchException(string set, int version)
    : PolicyException($"No rule of policy rule set '{set}' version {version} matched the facts.");

/// <summary>
/// One validation error: <see cref="Rule"/> is the row's name, or "(table)" for the table as a whole;
/// <see cref="Cell"/> is the input column, or "condition", "outcome", "outputs.{name}", "reason", "name"…, or null.
/// </summary>
public sealed record PolicyRuleError(string Rule, string? Cell, string Message)
{
    public const string Table = "(table)";

    public PolicyRuleError(string rule, string message) : this(rule, null, message)
    {
    }
}

/// <summary>Publishing refused: test cases of the set fail on that version (409, naming them).</summary>
public sealed class PolicyTestsFailedException(string set, int version, IReadOnlyList<Decisions.PolicyTestResult> failed)
    : PolicyException($"Version {version} of '{set}' cannot be published while test cases fail: " +
        string.Join("; ", failed.Select(f => $"'{f.Name}' ({f.Message})")))
{
    public IReadOnlyList<Decisions.PolicyTestResult> Failed { get; } = failed;
}
