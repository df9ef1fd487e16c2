using System.Linq.Dynamic.Core.Exceptions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RulesEngine.ExpressionBuilders;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// Checks one expression as RulesEngine will compile it: same parser, same settings, same parameters.
/// Returns the problems as sentences; none means it compiles and reaches only allowed types.
/// </summary>
internal sealed class ExpressionChecker
{
    // One condition or output of a decision table; anything longer is a mistake or an attack.
    public const int MaxLength = 8 * 1024;

    private readonly RuleExpressionParser parser = new(HardenedSettings.Create());

    public IReadOnlyList<string> Check(string expression, FactShape shape, Type? returnType)
    {
        if (TextBounds.Check(expression, MaxLength) is { } outOfBounds)
            return [outOfBounds];
        var forbidden = ExpressionTokenScan.FindForbidden(expression);
        if (forbidden.Count > 0)
            return [$"uses {string.Join(", ", forbidden.Select(f => $"'{f}'"))}, which rules may not use (no types, reflection or System access)"];

        System.Linq.Expressions.Expression parsed;
        try
        {
            // RulesEngine passes null for "any type"; its signature says non-null.
            parsed = parser.Parse(expression, shape.ParameterExpressions(), returnType!);
        }
        catch (ParseException e)
        {
            return [$"does not compile: {Sentence(e.Message)} (at character {e.Position + 1})"];
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return [$"does not compile: {Sentence(e.Message)}"];
        }
        return ExpressionSafetyVisitor.Check(parsed);
    }

    // The validator ends each error with a full stop of its own.
    private static string Sentence(string message) => message.Trim().TrimEnd('.');
}
