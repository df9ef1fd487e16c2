using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Expressions;

namespace RJH.DeviceWorkflows.Engine.Tests.Expressions;

/// <summary>
/// An expression is handed only the members of its globals it reads by name; these check that the reading is exact:
/// whatever an expression could observe of a global it gets, and the answer is the one the whole value would give.
/// </summary>
public class GlobalUseTests
{
    private static GlobalUse Of(string expression) =>
        GlobalUse.Of(Jint.Engine.PrepareScript("(" + expression + "\n)", strict: true).Program!);

    private static IReadOnlySet<string>? Members(GlobalUse use, string name) =>
        use.Reads(name, out var members) ? members : throw new Xunit.Sdk.XunitException($"'{name}' is not read.");

    [Fact]
    public void Fixed_name_reads_are_the_members_handed_over()
    {
        var use = Of("vars.facts.employee.id === 'E1' && vars['decision'] !== null && vars?.orderId && vars.devices[0]");

        Assert.False(use.Opaque);
        Assert.Equal(["decision", "devices", "facts", "orderId"], Members(use, "vars")!.Order());
        Assert.False(use.Reads("result", out _));
    }

    [Theory]
    [InlineData("JSON.stringify(vars)")]           // passed on
    [InlineData("({ ...vars })")]                   // spread
    [InlineData("'facts' in vars")]                  // enumerated or probed
    [InlineData("((vars) => vars.x)(instance)")]    // shadowed: a parameter named like the global
    [InlineData("({ vars })")]                       // shorthand property: a reference, not a key
    [InlineData("vars.hasOwnProperty('secret')")]   // an inherited method answers for members left out
    [InlineData("vars.toString()")]
    public void Any_other_use_hands_over_the_whole_value(string expression)
    {
        var use = Of(expression);

        Assert.True(use.Reads("vars", out var members));
        Assert.Null(members);
    }

    [Theory]
    [InlineData("this.vars")]
    [InlineData("globalThis['vars']")]
    [InlineData("vars[key]")]
    [InlineData("[].constructor.constructor('return vars')()")]
    [InlineData("Object.values(instance)")]
    [InlineData("Reflect.get(instance, 'id')")]
    [InlineData("Function('return 1')")]
    [InlineData("eval('vars')")]
    [InlineData("[]['const' + 'ructor']")]
    public void Code_that_could_reach_a_global_without_naming_it_gets_every_global_whole(string expression)
    {
        var use = Of(expression);

        Assert.True(use.Opaque);
        Assert.True(use.Reads("vars", out var members));
        Assert.Null(members);
        Assert.True(use.Reads("result", out _));
    }

    [Fact]
    public void Names_after_a_dot_and_object_keys_are_not_references()
    {
        var use = Of("({ vars: result.vars, instance: 1 })");

        Assert.False(use.Reads("vars", out _));
        Assert.False(use.Reads("instance", out _));
        Assert.Equal(["vars"], Members(use, "result")!);
    }

    [Theory]
    [InlineData("vars.facts.employee.roles.includes('Nurse')", true)]
    [InlineData("Object.keys(vars).length", 3.0)]
    [InlineData("vars.hasOwnProperty('orderId')", true)]
    [InlineData("vars.missing === undefined && typeof vars.facts === 'object'", true)]
    [InlineData("JSON.stringify(vars).length > 40", true)]
    [InlineData("({ ...vars }).orderId", "O-1")]
    [InlineData("vars['order' + 'Id']", "O-1")]
    public void The_answer_is_the_one_the_whole_value_gives(string expression, object expected)
    {
        var evaluator = new ExpressionEvaluator(Options.Create(new ExpressionOptions()));
        var globals = new Dictionary<string, JsonNode?>
        {
            ["vars"] = new JsonObject
            {
                ["orderId"] = "O-1",
                ["facts"] = new JsonObject { ["employee"] = new JsonObject { ["roles"] = new JsonArray("Nurse") } },
                ["devices"] = new JsonArray(new JsonObject { ["id"] = "D-1" }),
            },
            ["instance"] = new JsonObject { ["id"] = "I-1" },
        };

        var result = evaluator.Evaluate(expression, globals);

        Assert.Equal(JsonValue.Create(expected)!.ToJsonString(), result!.ToJsonString());
    }
}
