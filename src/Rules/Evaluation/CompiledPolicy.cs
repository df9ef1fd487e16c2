using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using RJH.DeviceWorkflows.Rules.Tables;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// One version of one set, compiled: an NRules session factory with one rule per enabled row, plus each row's
/// outputs and reasons. Immutable and thread-safe, so it is shared by all evaluations of that version.
/// A decision is a fresh session with one combined fact inserted, fired once.
/// </summary>
internal sealed class CompiledPolicy
{
    private const string FactsName = "facts";

    private readonly ISessionFactory factory;
    private readonly RowRuntime[] rows;
    private readonly HitPolicy hitPolicy;

    private CompiledPolicy(string set, int version, FactShape shape, HitPolicy hitPolicy, ISessionFactory factory, RowRuntime[] rows)
    {
        Set = set;
        Version = version;
        Shape = shape;
        this.hitPolicy = hitPolicy;
        this.factory = factory;
        this.rows = rows;
    }

    public string Set { get; }
    public int Version { get; }
    public FactShape Shape { get; }

    /// <param name="table">Already checked by <see cref="PolicyValidator"/>: only checked trees reach NRules.</param>
    /// <exception cref="PolicyRulesException">NRules refused a row.</exception>
    public static CompiledPolicy Create(string set, int version, CheckedTable table, FactShape shape)
    {
        var first = table.Table.HitPolicy == HitPolicy.First;
        var ruleSet = new RuleSet(set);
        var runtimes = new RowRuntime[table.Rows.Count];
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            // First: the row order is the priority, highest first, each row its own (equal priorities are not ordered).
            ruleSet.Add(BuildRule(row, i, first ? table.Rows.Count - i : 0, halt: first, shape));
            runtimes[i] = RowRuntime.Create(row, shape);
        }
        ISessionFactory factory;
        try
        {
            factory = new RuleCompiler().Compile([ruleSet]);
        }
        catch (RuleCompilationException e)
        {
            throw new PolicyRulesException([new PolicyRuleError(e.RuleName ?? PolicyRuleError.Table, $"NRules cannot compile the row: {e.Message}")]);
        }
        return new CompiledPolicy(set, version, shape, table.Table.HitPolicy, factory, runtimes);
    }

    private static IRuleDefinition BuildRule(CheckedRow row, int index, int priority, bool halt, FactShape shape)
    {
        var builder = new RuleBuilder();
        builder.Name(row.Row.Name);
        builder.Priority(priority);
        var facts = Expression.Parameter(shape.ContextType, FactsName);
        var pattern = builder.LeftHandSide().Pattern(shape.ContextType, FactsName);
        // A row whose parts are left out cannot match; whether that is an error depends on the rows above (see Decide).
        // One condition per row (presence first, then the cells in order, short-circuited): one alpha node to pass
        // instead of one per cell, which is most of what inserting the fact costs.
        var conditions = row.Reads.Select(part => shape.Presence(facts, shape.Parts[part])).OfType<Expression>()
            .Concat(row.Tests.Select(test => OnContext(test.Test, facts, shape)))
            .ToList();
        if (conditions.Count > 0)
            pattern.Condition(Expression.Lambda(conditions.Aggregate(Expression.AndAlso), facts));
        var context = Expression.Parameter(typeof(IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(typeof(CompiledPolicy).GetMethod(nameof(Fired), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
                context, facts, Expression.Constant(index), Expression.Constant(halt)),
            context, facts));
        return builder.Build();
    }

    private static void Fired(IContext context, DecisionFacts facts, int row, bool halt)
    {
        facts.Fired.Add(row);
        if (halt) context.Halt();
    }

    /// <summary>A checked lambda over the fact parts, rewritten to read them from the combined fact.</summary>
    internal static Expression OnContext(LambdaExpression lambda, Expression context, FactShape shape) =>
        new PartReplacer(lambda.Parameters.Select((p, i) => (p, shape.Access(context, shape.Parts[i]))).ToDictionary(x => x.p, x => x.Item2))
            .Visit(lambda.Body);

    /// <summary>Compiles every row now and fails if NRules cannot run one.</summary>
    public void WarmUp() => factory.CreateSession();

    /// <exception cref="PolicyFactsException">A row before the deciding one reads a part the facts leave out, or a test failed on these facts.</exception>
    /// <exception cref="PolicyNoMatchException">No row matched.</exception>
    public ValueTask<PolicyDecision> EvaluateAsync(object facts) => ValueTask.FromResult(Evaluate(facts));

    public PolicyDecision Evaluate(object facts)
    {
        var context = Shape.ToContext(facts);
        var session = factory.CreateSession();
        session.Insert(context);
        try
        {
            session.Fire();
        }
        catch (RuleLhsExpressionEvaluationException e)
        {
            throw new PolicyFactsException(FailureMessage(context, e));
        }
        return Decide(context);
    }

    private PolicyDecision Decide(DecisionFacts context)
    {
        // With First the winning rule halts the session, so one row fired; with Collect every matching row did.
        var fired = context.Fired;
        fired.Sort();
        if (!AllPartsPresent(context))
        {
            // Rows that could not be tested: fatal if they are above the deciding row (they might have decided).
            var limit = hitPolicy == HitPolicy.First && fired.Count > 0 ? fired[0] : rows.Length;
            for (var i = 0; i < limit; i++)
            {
                if (rows[i].MissingPart(context, Shape) is { } part)
                    throw new PolicyFactsException($"Rule '{rows[i].Name}' reads {part}, which the facts leave out.");
            }
        }
        if (fired.Count == 0) throw new PolicyNoMatchException(Set, Version);

        var first = rows[fired[0]];
        var outputs = first.ComputeOutputs(context);
        var reasons = new List<PolicyReason>(fired.Count) { first.ReasonFor(outputs) };
        if (fired.Count > 1)
        {
            var merged = new Dictionary<string, object?>(outputs, StringComparer.Ordinal);
            foreach (var index in fired.Skip(1))
            {
                var own = rows[index].ComputeOutputs(context);
                foreach (var (name, value) in own) merged.TryAdd(name, value);
                reasons.Add(rows[index].ReasonFor(own));
            }
            outputs = merged;
        }
        var decision = new PolicyDecision(Set, Version, first.Outcome, outputs, reasons);
        return decision.ExplainedBy(() => Explain(context, fired));
    }

    private bool AllPartsPresent(DecisionFacts context)
    {
        foreach (var present in Shape.Present)
        {
            if (!present(context)) return false;
        }
        return true;
    }

    private PolicyExplanation Explain(DecisionFacts context, IReadOnlyList<int> deciding)
    {
        var decided = deciding.SelectMany(i => rows[i].Trace(context)).ToList();
        var notMatched = new List<PolicyTestTrace>();
        var above = hitPolicy == HitPolicy.First ? deciding[0] : rows.Length;
        for (var i = 0; i < above; i++)
        {
            if (deciding.Contains(i)) continue;
            if (rows[i].Trace(context).FirstOrDefault(t => !t.Result) is { } failed) notMatched.Add(failed);
        }
        return new PolicyExplanation(hitPolicy.ToString(), decided, notMatched);
    }

    private string FailureMessage(DecisionFacts context, RuleLhsExpressionEvaluationException e)
    {
        // NRules does not say which rule's condition threw; find the first row whose tests throw on these facts.
        foreach (var row in rows)
        {
            if (row.MissingPart(context, Shape) is not null) continue;
            if (row.FirstFailure(context) is { } failure)
                return $"Rule '{row.Name}' could not be evaluated with these facts: {failure}";
        }
        return $"A rule could not be evaluated with these facts: {(e.InnerException ?? e).Message}";
    }

    internal static object? Normalize(object? value) => value is Enum e ? e.ToString() : value;

    private sealed class PartReplacer(Dictionary<ParameterExpression, Expression> parts) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            parts.TryGetValue(node, out var access) ? access : node;
    }
}
