using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Expressions;

namespace RJH.DeviceWorkflows.Engine.Tests.Expressions;

/// <summary>
/// Mappings that only read a value are answered from the JSON without Jint (<see cref="DirectRead"/>); the answer must
/// be the one Jint gives, errors included. <c>[x][0]</c> is the same read in a form only Jint answers.
/// </summary>
public class DirectReadTests
{
    private readonly ExpressionEvaluator evaluator = new(Options.Create(new ExpressionOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

    private static Dictionary<string, JsonNode?> Globals() => new()
    {
        ["vars"] = new JsonObject
        {
            ["name"] = "Åsa Öberg",
            ["flag"] = false,
            ["nothing"] = null,
            ["count"] = 41,
            ["price"] = JsonNode.Parse("1.50"),
            ["employee"] = new JsonObject
            {
                ["employeeId"] = "E100", ["roles"] = new JsonArray("Employee", "Manager"), ["manager"] = null,
                ["unit"] = new JsonObject { ["id"] = "u-7", ["rollout"] = true },
            },
            ["financing"] = new JsonObject { ["outcome"] = "Unit", ["outputs"] = new JsonObject { ["limit"] = 1200 } },
            ["devices"] = new JsonArray(new JsonObject { ["imei"] = "35" }),
        },
        ["result"] = new JsonObject { ["decision"] = new JsonObject { ["outcome"] = "Granted", ["reasons"] = new JsonArray() } },
    };

    [Theory]
    [InlineData("vars.name")]
    [InlineData("vars.flag")]
    [InlineData("vars.nothing")]
    [InlineData("vars.missing")]
    [InlineData("vars.employee")]
    [InlineData("vars.employee.unit.id")]
    [InlineData("vars.employee.manager")]
    [InlineData("result.decision")]
    [InlineData("'entitlement'")]
    [InlineData("true")]
    [InlineData("null")]
    // Left to Jint: numbers, members of strings and arrays, inherited members.
    [InlineData("vars.count")]
    [InlineData("vars.price")]
    [InlineData("vars.financing")]
    [InlineData("vars.name.length")]
    [InlineData("vars.employee.roles.length")]
    [InlineData("vars.devices")]
    [InlineData("vars.employee.constructor")]
    public void A_read_gives_what_Jint_gives(string expression)
    {
        var direct = evaluator.Evaluate(expression, Globals());
        var jint = evaluator.Evaluate($"[{expression}][0]", Globals());
        Assert.True(JsonNode.DeepEquals(jint, direct), $"{expression}: Jint {jint?.ToJsonString()}, direct {direct?.ToJsonString()}");
    }

    [Theory]
    [InlineData("vars.missing.id")]
    [InlineData("vars.nothing.id")]
    [InlineData("vars.employee.manager.userName")]
    [InlineData("nobody.name")]
    public void A_read_through_nothing_fails_as_in_Jint(string expression)
    {
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate($"[{expression}][0]", Globals()));
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate(expression, Globals()));
    }

    [Theory]
    [InlineData("vars.employeeId", true)]
    [InlineData("result.decision.outcome", true)]
    [InlineData("'financing'", true)]
    [InlineData("vars['employeeId']", false)]
    [InlineData("vars.reason || 'New'", false)]
    [InlineData("vars.x?.y", false)]
    [InlineData("vars.toString", false)]
    [InlineData("vars", false)]
    [InlineData("42", false)]
    public void Only_plain_reads_are_answered_without_Jint(string expression, bool direct)
    {
        var program = Jint.Engine.PrepareScript("(" + expression + "\n)", strict: true).Program!;
        Assert.Equal(direct, DirectRead.Of(program) is not null);
    }

    [Fact]
    public void The_value_read_is_a_copy()
    {
        var globals = Globals();
        var read = (JsonObject)evaluator.Evaluate("vars.employee.unit", globals)!;
        read["id"] = "changed";
        Assert.Equal("u-7", globals["vars"]!["employee"]!["unit"]!["id"]!.GetValue<string>());
    }
}
