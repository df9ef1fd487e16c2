using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using RJH.DeviceWorkflows.Rules.Validation;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Tables;

/// <summary>Each cell syntax, through the whole path: JSON table → checked trees → NRules → decision.</summary>
public sealed class CellSyntaxTests
{
    private static readonly object[] Inputs =
    [
        TableJson.Input("request.reason", "enum"),
        TableJson.Input("request.underRollout", "boolean"),
        TableJson.Input("deviceCount", "number", "employee.activeDevices.Count()"),
        TableJson.Input("unit.id", "string"),
    ];

    private static Dictionary<string, string> Cells(string reason = "-", string rollout = "-", string count = "-", string unit = "-") => new()
    {
        ["request.reason"] = reason, ["request.underRollout"] = rollout, ["deviceCount"] = count, ["unit.id"] = unit,
    };

    private static async Task<string> RuleDecidingAsync(Dictionary<string, string> cells, string reason = "New", bool underRollout = false,
        int devices = 0, string unitId = "unit-7")
    {
        var json = TableJson.Table("entitlement", [TableJson.Row("UnderTest", "Granted", cells), TableJson.Row("Otherwise", "ManagerJudgement", Cells())], Inputs);
        var facts = Of(new
        {
            employee = Employee(devices: Enumerable.Repeat("Phone", devices).ToArray()),
            unit = new { id = unitId, rollout = "None", riskAssessments = Array.Empty<object>() },
            request = Request("Phone", reason, underRollout),
        });
        var decision = await new PolicyEvaluator(new PolicyValidator()).EvaluateAsync(PolicySets.Entitlement, 1, json, facts);
        return decision.Reasons[0].Rule;
    }

    [Theory]
    [InlineData("-", "Loss", "UnderTest")]
    [InlineData("Loss", "Loss", "UnderTest")]
    [InlineData("Loss", "New", "Otherwise")]
    [InlineData("loss", "Loss", "UnderTest")]
    [InlineData("Replacement, Loss", "Loss", "UnderTest")]
    [InlineData("Replacement, Loss", "New", "Otherwise")]
    [InlineData("not New", "Loss", "UnderTest")]
    [InlineData("not New", "New", "Otherwise")]
    [InlineData("not Replacement, Loss", "New", "UnderTest")]
    public async Task Enum_cells(string cell, string reason, string rule) =>
        Assert.Equal(rule, await RuleDecidingAsync(Cells(reason: cell), reason));

    [Theory]
    [InlineData("true", true, "UnderTest")]
    [InlineData("true", false, "Otherwise")]
    [InlineData("false", false, "UnderTest")]
    [InlineData("not true", false, "UnderTest")]
    public async Task Boolean_cells(string cell, bool underRollout, string rule) =>
        Assert.Equal(rule, await RuleDecidingAsync(Cells(rollout: cell), underRollout: underRollout));

    [Theory]
    [InlineData("< 2", 1, "UnderTest")]
    [InlineData("< 2", 2, "Otherwise")]
    [InlineData("<= 2", 2, "UnderTest")]
    [InlineData("> 2", 2, "Otherwise")]
    [InlineData(">= 2", 2, "UnderTest")]
    [InlineData("[1..3]", 1, "UnderTest")]
    [InlineData("[1..3]", 3, "UnderTest")]
    [InlineData("[1..3]", 4, "Otherwise")]
    [InlineData("[1..3]", 0, "Otherwise")]
    [InlineData("2", 2, "UnderTest")]
    [InlineData("0, 2", 1, "Otherwise")]
    [InlineData("not [1..3]", 5, "UnderTest")]
    public async Task Number_cells(string cell, int devices, string rule) =>
        Assert.Equal(rule, await RuleDecidingAsync(Cells(count: cell), devices: devices));

    [Theory]
    [InlineData("unit-7", "unit-7", "UnderTest")]
    [InlineData("\"unit-7\"", "unit-7", "UnderTest")]
    [InlineData("unit-1, unit-7", "unit-7", "UnderTest")]
    [InlineData("unit-1", "unit-7", "Otherwise")]
    [InlineData("not unit-1", "unit-7", "UnderTest")]
    public async Task String_cells(string cell, string unitId, string rule) =>
        Assert.Equal(rule, await RuleDecidingAsync(Cells(unit: cell), unitId: unitId));

    [Fact]
    public async Task Cells_of_a_row_must_all_match()
    {
        Assert.Equal("UnderTest", await RuleDecidingAsync(Cells(reason: "New", rollout: "true"), "New", underRollout: true));
        Assert.Equal("Otherwise", await RuleDecidingAsync(Cells(reason: "New", rollout: "true"), "New", underRollout: false));
    }

    [Theory]
    [InlineData("request.reason", "Lost", "'Lost' is not one of New, Replacement, Loss")]
    [InlineData("request.reason", "", "is empty")]
    [InlineData("request.reason", "< 3", "needs a number or date column")]
    [InlineData("request.underRollout", "yes", "'yes' is not true or false")]
    [InlineData("deviceCount", "two", "'two' is not a number")]
    [InlineData("deviceCount", "[1..x]", "'x' is not a number")]
    [InlineData("deviceCount", "not -", "matches nothing")]
    public void A_bad_cell_is_refused_naming_the_row_and_the_cell(string column, string cell, string message)
    {
        var cells = Cells();
        cells[column] = cell;
        var json = TableJson.Table("entitlement", [TableJson.Row("Broken", "Granted", cells), TableJson.Row("Otherwise", "ManagerJudgement", Cells())], Inputs);

        var error = Assert.Single(new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors);

        Assert.Equal(("Broken", column), (error.Rule, error.Cell));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_missing_cell_and_a_cell_for_no_input_are_refused()
    {
        var cells = Cells();
        cells.Remove("unit.id");
        cells["unit.name"] = "x";
        var json = TableJson.Table("entitlement", [TableJson.Row("Odd", "Granted", cells), TableJson.Row("Otherwise", "ManagerJudgement", Cells())], Inputs);

        var errors = new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors;

        Assert.Contains(errors, e => e is { Rule: "Odd", Cell: "unit.id" } && e.Message.Contains("no cell"));
        Assert.Contains(errors, e => e is { Rule: "Odd", Cell: "unit.name" } && e.Message.Contains("not an input"));
    }

    [Theory]
    [InlineData("employee.GetType().Name", "string", "'GetType'")]
    [InlineData("DateTime.Now.Hour", "number", "clock")]
    [InlineData("employee.salary", "number", "'salary'")]
    [InlineData("request.reason", "boolean", "declared boolean but its value is enum")]
    [InlineData("request.reason", "colour", "use one of")]
    public void A_bad_input_column_is_refused_naming_the_column(string expression, string type, string message)
    {
        var json = TableJson.Table("entitlement", [TableJson.Row("Otherwise", "ManagerJudgement", new Dictionary<string, string> { ["odd"] = "-" })],
            [TableJson.Input("odd", type, expression)]);

        var error = Assert.Single(new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors);

        Assert.Equal((PolicyRuleError.Table, "odd"), (error.Rule, error.Cell));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_input_listing_a_value_the_facts_never_hold_is_refused()
    {
        var json = TableJson.Table("entitlement", [TableJson.Row("Otherwise", "ManagerJudgement", new Dictionary<string, string> { ["request.reason"] = "-" })],
            [TableJson.Input("request.reason", "enum", values: ["New", "Stolen"])]);

        var error = Assert.Single(new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors);

        Assert.Contains("'Stolen'", error.Message);
    }

    [Fact]
    public void A_condition_nested_too_deeply_is_refused_before_parsing_naming_row_and_cell()
    {
        var json = TableJson.Entitlement(new string('(', 2000) + "true" + new string(')', 2000), ruleName: "Deep");

        var error = Assert.Single(new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors);

        Assert.Equal(("Deep", "condition"), (error.Rule, error.Cell));
        Assert.Contains("nested", error.Message);
    }

    [Theory]
    [InlineData("!", "true")]
    [InlineData("not ", "true")]
    [InlineData("-", "1 > 0")]
    [InlineData("1 + ", "1 > 0")]
    public void A_condition_with_thousands_of_operators_is_refused_before_parsing(string repeated, string end)
    {
        // Unbracketed nesting: each operator is a level of the tree that parsing, checking and compiling recurse over.
        var condition = string.Concat(Enumerable.Repeat(repeated, (ExpressionChecker.MaxLength - 16) / repeated.Length)) + end;
        var json = TableJson.Entitlement(condition, ruleName: "Chain");

        var error = Assert.Single(new PolicyValidator().Validate(PolicySets.Entitlement, json).Errors);

        Assert.Equal(("Chain", "condition"), (error.Rule, error.Cell));
        Assert.Contains("operators", error.Message);
    }
}
