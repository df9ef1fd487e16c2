using System.Linq.Expressions;
using System.Text.RegularExpressions;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// Decides whether a table's JSON may be stored as a version of a set, and turns it into checked expression
/// trees: every column, cell, condition and output parses and stays within the facts and
/// <see cref="PolicyFunctions"/>, and every outcome is one the set's workflows understand, with the outputs
/// they read. Errors name the row and the cell.
/// </summary>
internal sealed partial class PolicyValidator
{
    // A rule set is a table people edit; anything near this size is a mistake or an attack.
    public const int MaxJsonLength = 256 * 1024;
    public const string ConditionCell = "condition";

    private readonly ExpressionChecker checker = new();

    public PolicyValidationResult Validate(string set, string json)
    {
        var definition = PolicySetDefinition.Get(set);
        var errors = new List<PolicyRuleError>();
        if (json.Length > MaxJsonLength)
        {
            errors.Add(new(PolicyRuleError.Table, $"The table is larger than {MaxJsonLength / 1024} KiB."));
            return new(null, errors);
        }
        var table = TableReader.Read(json, errors);
        if (table is null) return new(null, errors);
        if (table.Name != set)
            errors.Add(new(PolicyRuleError.Table, "name", $"'name' is '{Short(table.Name)}' but this is the set '{set}'."));
        if (table.Rows.Count == 0)
            errors.Add(new(PolicyRuleError.Table, "The set has no rows."));
        var parameters = definition.Shape.ParameterExpressions();
        var columns = CheckInputs(table, parameters, errors);
        CheckOutputDeclarations(table, errors);
        var rows = new List<CheckedRow>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            if (CheckRow(row, table, definition, columns, parameters, names, errors) is { } checkedRow && row.Enabled)
                rows.Add(checkedRow);
        }
        return errors.Count == 0 ? new(new CheckedTable(table, rows), errors) : new(null, errors);
    }

    private Dictionary<string, Column> CheckInputs(DecisionTable table, ParameterExpression[] parameters, List<PolicyRuleError> errors)
    {
        var columns = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var input in table.Inputs)
        {
            void Error(string message) => errors.Add(new(PolicyRuleError.Table, input.Name, message));
            if (!InputNamePattern().IsMatch(input.Name))
            {
                Error($"Input '{Short(input.Name)}' must be a fact field (request.reason) or a camelCase name.");
                continue;
            }
            if (columns.ContainsKey(input.Name))
            {
                Error($"Input '{input.Name}' is there twice.");
                continue;
            }
            if (!ColumnKinds.ByName.TryGetValue(input.Type, out var kind))
            {
                Error($"Input '{input.Name}' has type '{Short(input.Type)}'; use one of {string.Join(", ", ColumnKinds.ByName.Keys)}.");
                continue;
            }
            var (lambda, problems) = checker.Parse(input.Expression ?? input.Name, parameters, returnType: null);
            foreach (var problem in problems)
                Error($"Input '{input.Name}' {problem}.");
            if (lambda is null) continue;
            if (ColumnKinds.Of(lambda.Body.Type) != kind)
            {
                Error($"Input '{input.Name}' is declared {input.Type} but its value is {Describe(lambda.Body.Type)}.");
                continue;
            }
            if (AllowedValues(input, lambda.Body.Type, kind, Error) is var (ok, allowed) && ok)
                columns[input.Name] = new Column(input, kind, lambda, allowed);
        }
        return columns;
    }

    private static (bool Ok, IReadOnlyList<string>? Allowed) AllowedValues(TableInput input, Type type, ColumnKind kind, Action<string> error)
    {
        if (kind == ColumnKind.Enum)
        {
            var names = Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type);
            var unknown = (input.Values ?? []).Where(v => !names.Contains(v, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                error($"Input '{input.Name}' lists {string.Join(", ", unknown.Select(u => $"'{Short(u)}'"))}, which the facts never hold (they hold {string.Join(", ", names)}).");
                return (false, null);
            }
            return (true, input.Values is { Count: > 0 } values ? values : names);
        }
        if (input.Values is { Count: > 0 } && kind != ColumnKind.String)
        {
            error($"Input '{input.Name}' may list values only when it is a string or enum column.");
            return (false, null);
        }
        return (true, input.Values is { Count: > 0 } strings ? strings : null);
    }

    private static void CheckOutputDeclarations(DecisionTable table, List<PolicyRuleError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in table.Outputs)
        {
            if (!OutputNamePattern().IsMatch(output.Name))
                errors.Add(new(PolicyRuleError.Table, "outputs." + Short(output.Name), $"Output name '{Short(output.Name)}' must be a camelCase identifier."));
            else if (!seen.Add(output.Name))
                errors.Add(new(PolicyRuleError.Table, "outputs." + output.Name, $"Output '{output.Name}' is declared twice."));
        }
    }

    private CheckedRow? CheckRow(TableRow row, DecisionTable table, PolicySetDefinition definition,
        Dictionary<string, Column> columns, ParameterExpression[] parameters, HashSet<string> names, List<PolicyRuleError> errors)
    {
        var before = errors.Count;
        var rule = RuleNamePattern().IsMatch(row.Name) ? row.Name : Short(row.Name);
        void Error(string? cell, string message) => errors.Add(new(rule, cell, message));
        if (!names.Add(row.Name))
            Error("name", "Another row has the same name; reasons name rows, so names must be unique.");
        if (!RuleNamePattern().IsMatch(row.Name))
            Error("name", "A row's name is 1–100 letters, digits, '-' or '_', starting with a letter.");

        var tests = new List<CheckedTest>();
        foreach (var (cell, _) in row.Cells.Where(c => !table.Inputs.Any(i => i.Name == c.Key)))
            Error(Short(cell), $"'{Short(cell)}' is not an input of this table (inputs: {string.Join(", ", table.Inputs.Select(i => i.Name))}).");
        foreach (var input in table.Inputs)
        {
            if (!row.Cells.TryGetValue(input.Name, out var text))
            {
                Error(input.Name, $"The row has no cell for '{input.Name}'; write - for any value.");
                continue;
            }
            if (!columns.TryGetValue(input.Name, out var column)) continue;
            var (test, problem) = CellParser.Parse(text, column.Value.Body, column.Kind, column.Allowed);
            if (problem is not null)
                Error(input.Name, $"The cell '{Short(text)}' {problem}.");
            else if (test is not null)
            {
                var lambda = Expression.Lambda(test, column.Value.Parameters);
                tests.Add(new CheckedTest(input.Name, text.Trim(), lambda, [new SeenValue(input.Name, column.Value)], ExpressionReads.Parts(lambda)));
            }
        }
        if (row.Condition is { } condition && condition.Trim().Length > 0)
        {
            var (lambda, problems) = checker.Parse(condition, parameters, typeof(bool));
            foreach (var problem in problems)
                Error(ConditionCell, $"Condition {problem}.");
            if (lambda is not null)
                tests.Add(new CheckedTest(ConditionCell, condition.Trim(), lambda, ExpressionReads.Values(lambda), ExpressionReads.Parts(lambda)));
        }
        var outputs = CheckOutputs(row, table, parameters, Error);
        CheckOutcome(row, definition, Error);
        CheckPlaceholders(row, row.Reason.Sv, "reason.sv", Error);
        if (row.Reason.En is { } english) CheckPlaceholders(row, english, "reason.en", Error);
        if (row.Reason.Sv.Trim().Length == 0) Error("reason.sv", "The Swedish reason is required.");
        if (errors.Count > before) return null;
        return new CheckedRow(row, tests, outputs, tests.SelectMany(t => t.Reads).Distinct().Order().ToList());
    }

    private List<CheckedOutput> CheckOutputs(TableRow row, DecisionTable table, ParameterExpression[] parameters, Action<string?, string> error)
    {
        var outputs = new List<CheckedOutput>();
        foreach (var (name, value) in row.Outputs)
        {
            var cell = "outputs." + Short(name);
            if (table.Outputs.All(o => o.Name != name))
            {
                error(cell, $"'{Short(name)}' is not an output of this table (outputs: {string.Join(", ", table.Outputs.Select(o => o.Name))}).");
                continue;
            }
            if (!value.StartsWith('='))
            {
                outputs.Add(new CheckedOutput(name, value, null));
                continue;
            }
            var (lambda, problems) = checker.Parse(value[1..], parameters, returnType: null);
            foreach (var problem in problems)
                error(cell, $"Output '{name}' {problem}.");
            if (lambda is not null) outputs.Add(new CheckedOutput(name, null, lambda));
        }
        return outputs;
    }

    private static void CheckOutcome(TableRow row, PolicySetDefinition definition, Action<string?, string> error)
    {
        if (!definition.Outcomes.TryGetValue(row.Outcome, out var required))
        {
            error("outcome", $"'{Short(row.Outcome)}' is not an outcome of '{definition.Name}' " +
                $"(allowed: {string.Join(", ", definition.Outcomes.Keys)}).");
            return;
        }
        foreach (var name in required.Where(n => !row.Outputs.ContainsKey(n)))
            error("outputs." + name, $"Outcome '{row.Outcome}' needs the output '{name}'.");
    }

    private static void CheckPlaceholders(TableRow row, string reason, string cell, Action<string?, string> error)
    {
        foreach (Match match in PlaceholderPattern().Matches(reason))
        {
            var name = match.Groups[1].Value;
            if (!row.Outputs.ContainsKey(name))
                error(cell, $"The reason names {{{name}}}, which is not an output of this row.");
        }
    }

    private static string Describe(Type type) => ColumnKinds.Of(type) is { } kind ? ColumnKinds.NameOf(kind) : "not a plain value";

    // Names and values go into error messages; a huge one must not come back whole.
    private static string Short(string text) => text.Length > 100 ? text[..100] + "…" : text;

    private sealed record Column(TableInput Input, ColumnKind Kind, LambdaExpression Value, IReadOnlyList<string>? Allowed);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}(\\.[a-z][A-Za-z0-9]{0,63}){0,4}$")]
    private static partial Regex InputNamePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex OutputNamePattern();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    internal static partial Regex PlaceholderPattern();
}

/// <summary>The checked table, or the errors (never both).</summary>
internal sealed record PolicyValidationResult(CheckedTable? Table, IReadOnlyList<PolicyRuleError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Table is not null;
}
