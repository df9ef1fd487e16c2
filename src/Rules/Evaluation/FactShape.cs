using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// How one kind of facts reaches a table: each top-level field is a part that expressions name
/// (<c>employee</c>, <c>urgent</c>), typed by the fact model, and every decision inserts one combined
/// <see cref="DecisionFacts"/> into NRules (one pattern, no joins: the fast shape).
/// </summary>
internal sealed class FactShape
{
    private readonly Func<object, DecisionFacts> toContext;
    private readonly Func<object, JsonNode?> forLog;

    private FactShape(Type factsType, Type contextType, FactPart[] parts, Func<JsonElement, object> read,
        Func<object, DecisionFacts> toContext, Func<object, JsonNode?> forLog)
    {
        FactsType = factsType;
        ContextType = contextType;
        Parts = parts;
        Read = read;
        this.toContext = toContext;
        this.forLog = forLog;
        var context = Expression.Parameter(typeof(DecisionFacts), "facts");
        Present = parts.Select(p => Presence(context, p) is { } presence
            ? Expression.Lambda<Func<DecisionFacts, bool>>(presence, context).Compile()
            : _ => true).ToArray();
    }

    public Type FactsType { get; }

    /// <summary>The type of the one fact each decision inserts.</summary>
    public Type ContextType { get; }

    public IReadOnlyList<FactPart> Parts { get; }

    /// <summary>Per part: whether the facts of a decision have it.</summary>
    public IReadOnlyList<Func<DecisionFacts, bool>> Present { get; }

    /// <exception cref="PolicyFactsException">The JSON is not facts of this shape.</exception>
    public Func<JsonElement, object> Read { get; }

    public static FactShape Device { get; } = new(typeof(DeviceFacts), typeof(DeviceDecisionFacts),
        [new("employee", typeof(Employee), nameof(DeviceDecisionFacts.Employee)),
         new("unit", typeof(Unit), nameof(DeviceDecisionFacts.Unit)),
         new("request", typeof(DeviceRequest), nameof(DeviceDecisionFacts.Request))],
        FactsReader.Read<DeviceFacts>,
        facts =>
        {
            var f = (DeviceFacts)facts;
            return new DeviceDecisionFacts { Employee = f.Employee, Unit = f.Unit, Request = f.Request };
        },
        facts =>
        {
            var node = JsonSerializer.SerializeToNode(facts, FactsReader.Options);
            // The employee's id is the one personal datum; the rest describes the situation, not the person.
            if (node?["employee"] is JsonObject employee) employee["id"] = PersonalDataRemoved;
            return node;
        });

    public static FactShape Notification { get; } = new(typeof(NotificationFacts), typeof(NotificationDecisionFacts),
        [new("urgent", typeof(bool), nameof(NotificationDecisionFacts.Urgent)),
         new("recipientInWorkingTime", typeof(bool), nameof(NotificationDecisionFacts.RecipientInWorkingTime)),
         new("nextWorkingTimeStart", typeof(DateTimeOffset), nameof(NotificationDecisionFacts.NextWorkingTimeStart))],
        FactsReader.Read<NotificationFacts>,
        facts =>
        {
            var f = (NotificationFacts)facts;
            return new NotificationDecisionFacts
            {
                Urgent = f.Urgent,
                RecipientInWorkingTime = f.RecipientInWorkingTime,
                NextWorkingTimeStart = f.NextWorkingTimeStart == default ? null : f.NextWorkingTimeStart,
            };
        },
        facts => JsonSerializer.SerializeToNode(facts, FactsReader.Options));

    /// <summary>What replaces personal data in logged facts; still a valid value, so logged facts can be replayed.</summary>
    public const string PersonalDataRemoved = "(removed)";

    /// <exception cref="PolicyFactsException">Facts of another kind.</exception>
    public DecisionFacts ToContext(object facts)
    {
        if (!FactsType.IsInstanceOfType(facts))
            throw new PolicyFactsException($"This rule set takes {FactsType.Name}, not {facts.GetType().Name}.");
        return toContext(facts);
    }

    /// <summary>The facts as the decision log keeps them: personal data left out.</summary>
    public JsonNode? ForLog(object facts) => forLog(facts);

    /// <summary>Fresh parameter expressions, one per part, for parsing an expression.</summary>
    public ParameterExpression[] ParameterExpressions() => Parts.Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();

    /// <summary>The part's value read from the combined fact.</summary>
    public Expression Access(Expression context, FactPart part)
    {
        var member = Expression.PropertyOrField(Typed(context), part.Member);
        return member.Type == part.Type ? member : Expression.Property(member, nameof(Nullable<int>.Value));
    }

    private Expression Typed(Expression context) => context.Type == ContextType ? context : Expression.Convert(context, ContextType);

    /// <summary>A test that the part is there, or null for a part that always is.</summary>
    public Expression? Presence(Expression context, FactPart part)
    {
        var member = Expression.PropertyOrField(Typed(context), part.Member);
        if (!member.Type.IsValueType) return Expression.NotEqual(member, Expression.Constant(null, member.Type));
        return member.Type == part.Type ? null : Expression.Property(member, nameof(Nullable<int>.HasValue));
    }
}

internal sealed record FactPart(string Name, Type Type, string Member);

/// <summary>
/// The one fact a decision inserts into its NRules session. The rules' actions note here which rows fired,
/// in the order they fired.
/// </summary>
internal abstract class DecisionFacts
{
    public List<int> Fired { get; } = new(2);
}

internal sealed class DeviceDecisionFacts : DecisionFacts
{
    public Employee? Employee { get; init; }
    public Unit? Unit { get; init; }
    public DeviceRequest? Request { get; init; }
}

internal sealed class NotificationDecisionFacts : DecisionFacts
{
    public bool Urgent { get; init; }
    public bool RecipientInWorkingTime { get; init; }

    /// <summary>Null when the facts leave it out (it is needed only to defer).</summary>
    public DateTimeOffset? NextWorkingTimeStart { get; init; }
}
