using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>
/// Turns a cell's text into a test of its column's value, built as an expression tree from constants (a cell
/// is data, never code): <c>-</c> any; <c>a</c>; <c>a, b</c> one of; <c>not …</c>; <c>&lt; 5</c>, <c>&lt;= 5</c>,
/// <c>&gt; 5</c>, <c>&gt;= 5</c>; <c>[1..5]</c> both ends included; <c>true</c>/<c>false</c>.
/// </summary>
internal static partial class CellParser
{
    public const string Any = "-";
    public const int MaxLength = 1024;

    /// <param name="column">The column's value, an expression over the facts.</param>
    /// <param name="allowed">The values a cell may name (enum names or a string column's values); null for any.</param>
    /// <returns>The test, or null for <c>-</c>; or the problem as a sentence.</returns>
    public static (Expression? Test, string? Problem) Parse(string text, Expression column, ColumnKind kind, IReadOnlyList<string>? allowed)
    {
        var cell = text.Trim();
        if (cell.Length == 0) return (null, "is empty; write - for any value");
        if (cell.Length > MaxLength) return (null, $"is longer than {MaxLength} characters");
        if (cell == Any) return (null, null);
        if (cell.StartsWith("not ", StringComparison.Ordinal))
        {
            var (inner, problem) = Parse(cell[4..], column, kind, allowed);
            return problem is not null ? (null, problem)
                : inner is null ? (null, "'not -' matches nothing; remove the row or write a value")
                : (Expression.Not(inner), null);
        }
        if (RangePattern().Match(cell) is { Success: true } range)
        {
            if (kind is not (ColumnKind.Number or ColumnKind.Date)) return (null, $"a range needs a number or date column, not {ColumnKinds.NameOf(kind)}");
            var (low, lowProblem) = Value(range.Groups[1].Value, column.Type, kind, allowed);
            var (high, highProblem) = Value(range.Groups[2].Value, column.Type, kind, allowed);
            if ((lowProblem ?? highProblem) is { } p) return (null, p);
            return (Expression.AndAlso(Expression.GreaterThanOrEqual(column, low!), Expression.LessThanOrEqual(column, high!)), null);
        }
        if (ComparisonPattern().Match(cell) is { Success: true } comparison)
        {
            if (kind is not (ColumnKind.Number or ColumnKind.Date)) return (null, $"'{comparison.Groups[1].Value}' needs a number or date column, not {ColumnKinds.NameOf(kind)}");
            var (bound, problem) = Value(comparison.Groups[2].Value, column.Type, kind, allowed);
            if (problem is not null) return (null, problem);
            return (comparison.Groups[1].Value switch
            {
                "<" => Expression.LessThan(column, bound!),
                "<=" => Expression.LessThanOrEqual(column, bound!),
                ">" => Expression.GreaterThan(column, bound!),
                _ => Expression.GreaterThanOrEqual(column, bound!),
            }, null);
        }
        Expression? test = null;
        foreach (var part in Split(cell))
        {
            var (value, problem) = Value(part, column.Type, kind, allowed);
            if (problem is not null) return (null, problem);
            var equal = Expression.Equal(column, value!);
            test = test is null ? equal : Expression.OrElse(test, equal);
        }
        return (test, null);
    }

    private static IEnumerable<string> Split(string cell) => cell.Split(',').Select(p => p.Trim());

    private static (Expression? Value, string? Problem) Value(string text, Type type, ColumnKind kind, IReadOnlyList<string>? allowed)
    {
        var value = Unquote(text.Trim());
        if (value.Length == 0) return (null, "has an empty value; write - for any value");
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        object? parsed = kind switch
        {
            ColumnKind.Boolean => value switch { "true" => true, "false" => false, _ => null },
            ColumnKind.Enum => allowed?.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse(plain, name) : null,
            ColumnKind.String => allowed is null || allowed.Contains(value, StringComparer.Ordinal) ? value : null,
            ColumnKind.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? Convert.ChangeType(number, plain, CultureInfo.InvariantCulture) : null,
            _ => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? plain == typeof(DateTime) ? date.UtcDateTime : date : null,
        };
        if (parsed is null)
            return (null, kind switch
            {
                ColumnKind.Boolean => $"'{Quote(value)}' is not true or false",
                ColumnKind.Number => $"'{Quote(value)}' is not a number (write 5 or 2.5)",
                ColumnKind.Date => $"'{Quote(value)}' is not a date (write 2026-12-07 or 2026-12-07T09:00:00+01:00)",
                _ => $"'{Quote(value)}' is not one of {string.Join(", ", allowed ?? [])}",
            });
        return (Expression.Constant(parsed, type), null);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    // Error messages quote what was written, but never more than this of it.
    private static string Quote(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^\[\s*([^\[\]]+?)\s*\.\.\s*([^\[\]]+?)\s*\]$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(<=|>=|<|>)\s*(.+)$")]
    private static partial Regex ComparisonPattern();
}
