using System.Linq.Expressions;
using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Facts;
using RulesEngine.Models;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// How one kind of facts reaches rule expressions: each top-level field becomes a rule parameter of
/// the same name, typed by the fact model (so a left-out part is a typed null, not an object).
/// </summary>
internal sealed class FactShape
{
    private readonly Func<object, RuleParameter[]> toParameters;

    private FactShape(Type factsType, (string Name, Type Type)[] parameters, Func<JsonElement, object> read,
        Func<object, RuleParameter[]> toParameters)
    {
        FactsType = factsType;
        Parameters = parameters;
        Read = read;
        this.toParameters = toParameters;
    }

    public Type FactsType { get; }
    public IReadOnlyList<(string Name, Type Type)> Parameters { get; }

    /// <exception cref="PolicyFactsException">The JSON is not facts of this shape.</exception>
    public Func<JsonElement, object> Read { get; }

    public static FactShape Device { get; } = new(typeof(DeviceFacts),
        [("employee", typeof(Employee)), ("unit", typeof(Unit)), ("request", typeof(DeviceRequest))],
        FactsReader.Read<DeviceFacts>,
        facts =>
        {
            var f = (DeviceFacts)facts;
            return [RuleParameter.Create("employee", f.Employee), RuleParameter.Create("unit", f.Unit),
                RuleParameter.Create("request", f.Request)];
        });

    public static FactShape Notification { get; } = new(typeof(NotificationFacts),
        [("urgent", typeof(bool)), ("recipientInWorkingTime", typeof(bool)), ("nextWorkingTimeStart", typeof(DateTimeOffset))],
        FactsReader.Read<NotificationFacts>,
        facts =>
        {
            var f = (NotificationFacts)facts;
            return [RuleParameter.Create("urgent", f.Urgent), RuleParameter.Create("recipientInWorkingTime", f.RecipientInWorkingTime),
                RuleParameter.Create("nextWorkingTimeStart", f.NextWorkingTimeStart)];
        });

    public RuleParameter[] ToParameters(object facts)
    {
        if (!FactsType.IsInstanceOfType(facts))
            throw new PolicyFactsException($"This rule set takes {FactsType.Name}, not {facts.GetType().Name}.");
        return toParameters(facts);
    }

    /// <summary>Fresh parameter expressions for parsing an expression as RulesEngine will.</summary>
    public ParameterExpression[] ParameterExpressions() =>
        Parameters.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
}
