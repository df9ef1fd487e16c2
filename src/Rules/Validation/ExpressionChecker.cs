using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// Parses one expression of a table (an extra condition, a computed column, an output) with Dynamic LINQ
/// and checks it: within the text bounds, no forbidden names, and a tree that reaches only the facts, their
/// enums and <see cref="PolicyFunctions"/>. Only a checked tree is ever handed to NRules.
/// </summary>
internal sealed class ExpressionChecker
{
    // One condition or output of a decision table; anything longer is a mistake or an attack.
    public const int MaxLength = 8 * 1024;

    // The longest shipped condition has a few dozen operator characters (">=" counts two).
    public const int MaxOperators = 256;

    private static readonly ParsingConfig Config = new()
    {
        // The allow-list of types a rule may name; nothing found by scanning assemblies.
        CustomTypeProvider = new PolicyTypeProvider(),
        DisallowNewKeyword = true,
        AllowNewToEvaluateAnyType = false,
        // camelCase in rules ("employee.hasOwnExtension") matches the JSON facts people see.
        IsCaseSensitive = false,
        ResolveTypesBySimpleName = false,
        SupportCastingToFullyQualifiedTypeAsString = false,
        AllowEqualsAndToStringMethodsOnObject = true,
    };

    /// <returns>The checked lambda over <paramref name="parameters"/>, or the problems as sentences (never both).</returns>
    public (LambdaExpression? Lambda, IReadOnlyList<string> Problems) Parse(string expression,
        IReadOnlyList<ParameterExpression> parameters, Type? returnType)
    {
        if (TextBounds.Check(expression, MaxLength) is { } outOfBounds)
            return (null, [outOfBounds]);
        if (ExpressionTokenScan.CountOperators(expression) is var operators and > MaxOperators)
            return (null, [$"has {operators} operators; at most {MaxOperators} are allowed in one expression (split it into several rows or cells)"]);
        var forbidden = ExpressionTokenScan.FindForbidden(expression);
        if (forbidden.Count > 0)
            return (null, [$"uses {string.Join(", ", forbidden.Select(f => $"'{f}'"))}, which rules may not use (no types, reflection or System access)"]);

        LambdaExpression parsed;
        try
        {
            parsed = DynamicExpressionParser.ParseLambda(Config, parameters.ToArray(), returnType, expression);
        }
        catch (ParseException e)
        {
            return (null, [$"does not compile: {Sentence(e.Message)} (at character {e.Position + 1})"]);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return (null, [$"does not compile: {Sentence(e.Message)}"]);
        }
        var problems = ExpressionSafetyVisitor.Check(parsed.Body);
        return problems.Count == 0 ? (parsed, []) : (null, problems);
    }

    // The validator ends each error with a full stop of its own.
    private static string Sentence(string message) => message.Trim().TrimEnd('.');
}
