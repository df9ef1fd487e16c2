using System.Linq.Expressions;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// A row's parts outside NRules: its outputs (computed once the row decides) and its tests as delegates, which
/// explanations and error messages re-run on the decision's facts (NRules decides; these only tell why).
/// </summary>
internal sealed class RowRuntime
{
    private readonly (string Name, Func<DecisionFacts, object?> Value)[] outputs;
    private readonly TestRuntime[] tests;

    private RowRuntime(TableRow row, IReadOnlyList<int> reads, (string, Func<DecisionFacts, object?>)[] outputs, TestRuntime[] tests)
    {
        Name = row.Name;
        Outcome = row.Outcome;
        Reason = row.Reason;
        Reads = reads;
        this.outputs = outputs;
        this.tests = tests;
    }

    public string Name { get; }
    public string Outcome { get; }
    public RowReason Reason { get; }
    public IReadOnlyList<int> Reads { get; }

    public static RowRuntime Create(CheckedRow row, FactShape shape)
    {
        var outputs = row.Outputs.Select(o => (o.Name, o.Expression is null
            ? Constant(o.Literal)
            : Compile(o.Expression, shape))).ToArray();
        // Compiled on first use: only explanations and error messages run them, and a save should not wait for them.
        var tests = row.Tests.Select(t => new TestRuntime(t.Cell, t.Text, t.Reads,
            new Lazy<Func<DecisionFacts, bool>>(() => Guarded(t.Test, t.Reads, shape)),
            new Lazy<(string, Func<DecisionFacts, object?>)[]>(() => t.Seen.Select(s => (s.Label, Compile(s.Value, shape))).ToArray()))).ToArray();
        return new RowRuntime(row.Row, row.Reads, outputs, tests);
    }

    /// <exception cref="PolicyFactsException">An output reads what the facts leave out, or fails on them.</exception>
    public IReadOnlyDictionary<string, object?> ComputeOutputs(DecisionFacts facts)
    {
        if (outputs.Length == 0) return EmptyOutputs;
        var values = new Dictionary<string, object?>(outputs.Length, StringComparer.Ordinal);
        foreach (var (name, value) in outputs)
        {
            try
            {
                values[name] = CompiledPolicy.Normalize(value(facts));
            }
            catch (Exception e) when (e is NullReferenceException or InvalidOperationException)
            {
                throw new PolicyFactsException($"Rule '{Name}' could not compute output '{name}': a fact it reads is missing.");
            }
            catch (Exception e) when (e is InvalidCastException or ArithmeticException or ArgumentException or IndexOutOfRangeException)
            {
                throw new PolicyFactsException($"Rule '{Name}' could not compute output '{name}' from these facts: {e.Message}");
            }
        }
        return values;
    }

    /// <summary>The row's reason with its outputs filled in, in Swedish and, when the row has it, English.</summary>
    public PolicyReason ReasonFor(IReadOnlyDictionary<string, object?> outputs) =>
        new(Name, Fill(Reason.Sv, outputs), Reason.En is { } english ? Fill(english, outputs) : null);

    private static string Fill(string text, IReadOnlyDictionary<string, object?> outputs) =>
        outputs.Count == 0 ? text : Validation.PolicyValidator.PlaceholderPattern().Replace(text, m =>
            outputs.TryGetValue(m.Groups[1].Value, out var value) ? Format(value) : m.Value);

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Each test in order with what it saw, stopping after the first that fails.</summary>
    public IEnumerable<PolicyTestTrace> Trace(DecisionFacts facts)
    {
        foreach (var test in tests)
        {
            var result = Safe(() => test.Test(facts)) is true;
            var seen = new Dictionary<string, object?>(test.Seen.Length, StringComparer.Ordinal);
            foreach (var (label, value) in test.Seen)
                seen[label] = CompiledPolicy.Normalize(Safe(() => value(facts)));
            yield return new PolicyTestTrace(Name, test.Cell, test.Text, seen, result);
            if (!result) yield break;
        }
    }

    /// <summary>
    /// The first part the facts leave out that this row would have read, its tests taken in order as written:
    /// a test that fails on what is there ends the row first (as <c>a &amp;&amp; b</c> would), so no part is missing.
    /// </summary>
    public string? MissingPart(DecisionFacts facts, FactShape shape)
    {
        foreach (var test in tests)
        {
            foreach (var part in test.Reads)
            {
                if (!shape.Present[part](facts)) return shape.Parts[part].Name;
            }
            if (Safe(() => test.Test(facts)) is not true) return null;
        }
        return null;
    }

    /// <summary>The message of the first test that throws on these facts, or null.</summary>
    public string? FirstFailure(DecisionFacts facts)
    {
        foreach (var test in tests)
        {
            try
            {
                test.Test(facts);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return $"{test.Cell} '{test.Text}': {e.Message}";
            }
        }
        return null;
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyOutputs = new Dictionary<string, object?>();

    private static object? Safe(Func<object?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or ArithmeticException
            or ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            return null;
        }
    }

    private static Func<DecisionFacts, object?> Constant(string? literal) => _ => literal;

    private static Func<DecisionFacts, object?> Compile(LambdaExpression lambda, FactShape shape)
    {
        var facts = Expression.Parameter(typeof(DecisionFacts), "facts");
        var body = CompiledPolicy.OnContext(lambda, facts, shape);
        return Expression.Lambda<Func<DecisionFacts, object?>>(Expression.Convert(body, typeof(object)), facts).Compile();
    }

    // As NRules sees it: a part left out makes the test false, not an error.
    private static Func<DecisionFacts, bool> Guarded(LambdaExpression lambda, IReadOnlyList<int> reads, FactShape shape)
    {
        var facts = Expression.Parameter(typeof(DecisionFacts), "facts");
        var body = CompiledPolicy.OnContext(lambda, facts, shape);
        foreach (var part in reads.Reverse())
        {
            if (shape.Presence(facts, shape.Parts[part]) is { } presence)
                body = Expression.AndAlso(presence, body);
        }
        return Expression.Lambda<Func<DecisionFacts, bool>>(body, facts).Compile();
    }

    private sealed record TestRuntime(string Cell, string Text, IReadOnlyList<int> Reads, Lazy<Func<DecisionFacts, bool>> LazyTest,
        Lazy<(string Label, Func<DecisionFacts, object?> Value)[]> LazySeen)
    {
        public Func<DecisionFacts, bool> Test => LazyTest.Value;
        public (string Label, Func<DecisionFacts, object?> Value)[] Seen => LazySeen.Value;
    }
}
