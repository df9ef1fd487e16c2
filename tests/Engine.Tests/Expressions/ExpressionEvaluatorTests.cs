using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Expressions;

namespace RJH.DeviceWorkflows.Engine.Tests.Expressions;

public class ExpressionEvaluatorTests
{
    private readonly ExpressionEvaluator evaluator = new(Options.Create(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

    private static readonly Dictionary<string, JsonNode?> None = new();

    private static Dictionary<string, JsonNode?> Vars(JsonNode vars) => new() { ["vars"] = vars };

    [Fact]
    public void Values_reach_the_expression_as_JSON_parse_would_give_them()
    {
        var vars = new JsonObject
        {
            ["count"] = 41L,
            ["price"] = 0.1m,
            ["ratio"] = 2.5,
            ["parsed"] = JsonNode.Parse("7"),
            ["name"] = "Åsa Öberg",
            ["flag"] = true,
            ["nothing"] = null,
            ["devices"] = new JsonArray(new JsonObject { ["imei"] = "35" }, "x", 3),
            ["__proto__"] = new JsonObject { ["polluted"] = true },
        };
        var result = evaluator.Evaluate("""
            ({
              sum: vars.count + vars.parsed + 1,
              price: vars.price + 0.2,
              ratio: vars.ratio * 2,
              name: vars.name.toUpperCase(),
              flag: vars.flag === true,
              nothing: vars.nothing === null,
              imei: vars.devices[0].imei,
              length: vars.devices.length,
              isArray: Array.isArray(vars.devices),
              ownProto: Object.keys(vars).includes('__proto__'),
              polluted: ({}).polluted === undefined,
            })
            """, Vars(vars));

        Assert.Equal("""{"sum":49,"price":0.30000000000000004,"ratio":5,"name":"ÅSA ÖBERG","flag":true,"nothing":true,"imei":"35","length":3,"isArray":true,"ownProto":true,"polluted":true}""",
            result!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void A_script_sees_and_changes_vars()
    {
        var after = evaluator.RunScript("let n = vars.items.length; vars.count = n; vars.items.push('c');",
            new JsonObject { ["items"] = new JsonArray("a", "b") });
        Assert.Equal("""{"items":["a","b","c"],"count":2}""", after.ToJsonString());
        // The same script again: its top-level 'let' runs in an engine of its own each time.
        Assert.Equal("""{"n":1}""", evaluator.RunScript("let n = 1; vars.n = n;", new JsonObject()).ToJsonString());
    }

    [Theory]
    [InlineData("Object.prototype.leak = 'x'")]
    [InlineData("Array.prototype.push = () => 0")]
    [InlineData("globalThis.leak = 'x'")]
    [InlineData("Object.defineProperty(globalThis, 'leak', { value: 'x' })")]
    [InlineData("JSON.stringify = () => 'x'")]
    [InlineData("Math.leak = vars")]
    public void An_expression_cannot_leave_anything_for_the_next_one(string attempt)
    {
        for (var i = 0; i < 3; i++)
            Assert.Throws<ExpressionException>(() => evaluator.Evaluate(attempt, Vars(new JsonObject { ["secret"] = "19850101-1234" })));

        var seen = evaluator.Evaluate(
            "[typeof leak, ({}).leak, [].push(1), JSON.stringify([1]), Math.leak, typeof vars]", None);
        Assert.Equal("""["undefined",null,1,"[1]",null,"undefined"]""", seen!.ToJsonString());
    }

    [Fact]
    public void The_variables_of_one_evaluation_are_gone_in_the_next()
    {
        Assert.Equal("19850101-1234", evaluator.Evaluate("vars.secret", Vars(new JsonObject { ["secret"] = "19850101-1234" }))!.GetValue<string>());
        Assert.Equal("undefined", evaluator.Evaluate("typeof vars", None)!.GetValue<string>());
        Assert.Equal("undefined", evaluator.Evaluate("typeof result", Vars(new JsonObject()))!.GetValue<string>());
    }

    [Theory]
    [InlineData("(caller = vars.secret, 1)")]
    [InlineData("(instance = { id: vars.secret }, 1)")]
    [InlineData("(globalThis.result = vars.secret, 1)")]
    [InlineData("(this.caller = vars.secret, 1)")]
    [InlineData("((f) => f())(() => { result = vars.secret; return 1; })")]
    public void A_global_an_expression_assigns_is_gone_in_the_next(string attempt)
    {
        // A reused engine clears only the globals an expression can reach; these reach ones it was not given.
        for (var i = 0; i < 3; i++)
            Assert.Equal(1, evaluator.Evaluate(attempt, Vars(new JsonObject { ["secret"] = "19850101-1234" }))!.GetValue<int>());
        Assert.Equal("""["undefined","undefined","undefined","undefined"]""",
            evaluator.Evaluate("[typeof vars, typeof caller, typeof instance, typeof result]", None)!.ToJsonString());
        Assert.Equal("undefined", evaluator.Evaluate("typeof caller", Vars(new JsonObject()))!.GetValue<string>());
    }

    [Fact]
    public void A_statement_body_may_declare_the_same_name_every_time()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(2, evaluator.Evaluate("let x = vars.n; x + 1", Vars(new JsonObject { ["n"] = 1 }))!.GetValue<int>());
    }

    [Fact]
    public void An_expression_stopped_by_a_limit_leaves_the_next_evaluations_working()
    {
        var e = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { while (true) {} })()", None));
        Assert.Contains("and was stopped", e.Message);
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { try { while (true) {} } catch (x) { return 1; } })()", None));
        Assert.True(evaluator.EvaluateCondition("vars.n > 1", Vars(new JsonObject { ["n"] = 2 })));
        Assert.False(evaluator.EvaluateCondition("vars.n > 1", Vars(new JsonObject { ["n"] = 0 })));
    }

    [Fact]
    public void Evaluations_in_parallel_each_see_their_own_variables()
    {
        var wrong = 0;
        Parallel.For(0, 2_000, i =>
        {
            var result = evaluator.Evaluate("vars.n * 2 + (instance.id === 'i' + vars.n ? 1 : 0)", new Dictionary<string, JsonNode?>
            {
                ["vars"] = new JsonObject { ["n"] = i },
                ["instance"] = new JsonObject { ["id"] = "i" + i },
            });
            if (result!.GetValue<int>() != i * 2 + 1) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void A_name_other_than_the_usual_globals_is_still_given()
    {
        var globals = new Dictionary<string, JsonNode?> { ["vars"] = new JsonObject(), ["custom"] = 5 };
        Assert.Equal(6, evaluator.Evaluate("custom + 1", globals)!.GetValue<int>());
        Assert.Equal("undefined", evaluator.Evaluate("typeof custom", None)!.GetValue<string>());
    }
}
