using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// Evaluates workflow expressions and scripts with Jint. Values cross the boundary only as JSON,
/// and no CLR access is configured, so user code can reach nothing but its own variables.
/// </summary>
public sealed class ExpressionEvaluator(IOptions<ExpressionOptions> options)
{
    // A condition or mapping fits on a line; a script task is a page or two of code.
    private const int MaxExpressionLength = 8 * 1024;
    private const int MaxScriptLength = 64 * 1024;

    private readonly ExpressionOptions limits = options.Value;
    // Parsing costs more than running short expressions; prepared scripts are immutable and shareable.
    private readonly ConcurrentDictionary<string, PreparedExpression> expressions = new();
    private readonly ConcurrentDictionary<string, Prepared<Script>> scripts = new();
    private readonly ExpressionEnginePool pool = new(() => NewEngine(options.Value));

    /// <summary>Evaluates an expression; <paramref name="globals"/> become top-level names (vars, result, ...).</summary>
    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> globals)
    {
        var prepared = expressions.GetOrAdd(expression, PrepareExpression);
        return prepared.Direct is { } direct && direct.TryRead(globals, out var value) ? value : Run(prepared, globals).Result;
    }

    /// <summary>True when the expression yields a JavaScript truthy value.</summary>
    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, JsonNode?> globals)
    {
        var prepared = expressions.GetOrAdd(expression, PrepareExpression);
        return Run(prepared, globals).Truthy;
    }

    /// <summary>Runs a script; returns the value of <c>vars</c> afterwards so callers can see what it changed.</summary>
    public JsonObject RunScript(string script, JsonObject vars)
    {
        var prepared = scripts.GetOrAdd(script, s => Prepare(s, MaxScriptLength));
        var globals = new Dictionary<string, JsonNode?> { ["vars"] = vars };
        var (_, _, after) = Run(NewEngine(limits), reusable: false, prepared, use: null, globals, engine => engine.GetValue("vars"));
        return after as JsonObject ?? throw new ExpressionException("The script replaced 'vars' with something that is not an object.");
    }

    /// <summary>Syntax check for deployment: null when the expression parses, else the parser's message.</summary>
    public string? CheckExpression(string expression) => Check(() => PrepareExpression(expression));

    public string? CheckScript(string script) => Check(() => Prepare(script, MaxScriptLength));

    private static string? Check(Action prepare)
    {
        try { prepare(); return null; }
        catch (ExpressionException e) { return e.Message; }
    }

    /// <summary>
    /// A prepared expression; <paramref name="Pure"/> when it parsed as one expression (no statements, so no declarations);
    /// <paramref name="Use"/>: which globals, and which of their members, it can see; <paramref name="Direct"/>: the read it
    /// is, when it only reads a value.
    /// </summary>
    private sealed record PreparedExpression(Prepared<Script> Script, bool Pure, GlobalUse Use, DirectRead? Direct);

    // An expression is tried in parentheses first so object literals work; a statement body
    // (if/return-free blocks, several statements) falls back to the script's completion value.
    private static PreparedExpression PrepareExpression(string expression)
    {
        Prepared<Script> script;
        bool pure;
        try { (script, pure) = (Prepare("(" + expression + "\n)", MaxExpressionLength + 2), true); }
        catch (ExpressionException) { (script, pure) = (Prepare(expression, MaxExpressionLength), false); }
        var program = script.Program ?? throw new ExpressionException("The expression did not parse.");
        return new(script, pure, GlobalUse.Of(program), pure ? DirectRead.Of(program) : null);
    }

    private static Prepared<Script> Prepare(string source, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new ExpressionException("The expression is empty.");
        if (TextBounds.Check(source, maxLength) is { } outOfBounds)
            throw new ExpressionException($"The code {outOfBounds}.");
        try { return Jint.Engine.PrepareScript(source, strict: true); }
        catch (Exception e) when (e is not ExpressionException)
        {
            throw new ExpressionException($"Syntax error: {e.Message}", e);
        }
    }

    private static Jint.Engine NewEngine(ExpressionOptions limits) => new(o => o
        .Strict()
        .Constraint(() => new EvaluationBudget(limits))
        // The statement timeout cannot interrupt a regex match; without its own bound one would run Jint's 10 s.
        .RegexTimeoutInterval(limits.Timeout)
        .LimitMemory(limits.MaxMemoryBytes)
        .LimitRecursion(limits.MaxRecursion));

    private (JsonNode? Result, bool Truthy, JsonNode? Extra) Run(PreparedExpression prepared, IReadOnlyDictionary<string, JsonNode?> globals)
    {
        var reusable = prepared.Pure && globals.Keys.All(ExpressionEnginePool.GlobalNames.Contains);
        return Run(reusable ? pool.Rent() : NewEngine(limits), reusable, prepared.Script, prepared.Use, globals, _ => null);
    }

    /// <param name="use">What the code can see of its globals; null hands every global over whole.</param>
    private (JsonNode? Result, bool Truthy, JsonNode? Extra) Run(Jint.Engine engine, bool reusable, Prepared<Script> prepared,
        GlobalUse? use, IReadOnlyDictionary<string, JsonNode?> globals, Func<Jint.Engine, JsValue?> extra)
    {
        try
        {
            foreach (var (name, value) in globals)
            {
                IReadOnlySet<string>? members = null;
                // A global the code never names is left unset (a reused engine has it undefined already).
                if (use is not null && !use.Reads(name, out members)) continue;
                var js = members is not null && value is JsonObject o ? JsonToJs.Members(engine, o, members) : JsonToJs.Convert(engine, value);
                // A reused engine's globals are fixed, writable properties: assign, never redefine.
                if (reusable) ExpressionEnginePool.Assign(engine, name, js);
                else engine.SetValue(name, js);
            }
            var result = engine.Evaluate(in prepared);
            var truthy = Jint.Runtime.TypeConverter.ToBoolean(result);
            var serializer = new JsonSerializer(engine);
            JsonNode? ToNode(JsValue? v)
            {
                if (v is null || v.IsUndefined() || v.IsNull()) return null;
                var json = serializer.Serialize(v);
                return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
            }
            var values = (ToNode(result), truthy, ToNode(extra(engine)));
            // Only an evaluation that ended normally leaves the engine in a state fit for the next one.
            if (reusable) pool.Return(engine, use);
            return values;
        }
        catch (ExpressionException) { throw; }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e) { throw new ExpressionException($"A regular expression ran longer than {limits.Timeout.TotalSeconds:0.###} s and was stopped.", e); }
        catch (TimeoutException e) { throw EvaluationBudget.TimedOut(limits, e); }
        catch (Jint.Runtime.MemoryLimitExceededException e) { throw new ExpressionException("The expression used more memory than allowed and was stopped.", e); }
        catch (Jint.Runtime.RecursionDepthOverflowException e) { throw new ExpressionException("The expression recursed too deeply and was stopped.", e); }
        catch (Jint.Runtime.JavaScriptException e) { throw new ExpressionException($"Script error: {e.Message}", e); }
        catch (Exception e) { throw new ExpressionException($"Expression failed: {e.Message}", e); }
    }
}
