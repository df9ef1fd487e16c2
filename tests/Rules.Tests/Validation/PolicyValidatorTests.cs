using RJH.DeviceWorkflows.Rules.Tests.Support;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules.Tests.Validation;

public sealed class PolicyValidatorTests
{
    private readonly PolicyValidator validator = new();

    private PolicyRuleError SingleError(string json, string set = PolicySets.Entitlement)
    {
        var result = validator.Validate(set, json);
        Assert.False(result.IsValid);
        Assert.Null(result.Table);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData(PolicySets.Entitlement)]
    [InlineData(PolicySets.Financing)]
    [InlineData(PolicySets.RolloutGate)]
    [InlineData(PolicySets.NotificationHours)]
    public void Shipped_sets_are_valid(string set)
    {
        var result = validator.Validate(set, Repository.ReadPolicy(set));

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Bad_json_is_a_workflow_error_with_its_position()
    {
        var error = SingleError("{ \"name\": \"entitlement\", \"rows\": [ ");

        Assert.Equal(PolicyRuleError.Table, error.Rule);
        Assert.StartsWith("Not valid JSON:", error.Message);
        Assert.Contains("LineNumber", error.Message);
    }

    [Fact]
    public void A_syntax_error_names_the_rule()
    {
        var error = SingleError(TableJson.Entitlement("request.reason == (", ruleName: "Broken"));

        Assert.Equal(("Broken", "condition"), (error.Rule, error.Cell));
        Assert.StartsWith("Condition does not compile:", error.Message);
    }

    [Fact]
    public void An_unknown_member_names_the_rule_and_the_member()
    {
        var error = SingleError(TableJson.Entitlement("employee.salary > 10", ruleName: "Paid"));

        Assert.Equal("Paid", error.Rule);
        Assert.Contains("'salary'", error.Message);
    }

    [Fact]
    public void An_unknown_enum_name_does_not_compile()
    {
        var error = SingleError(TableJson.Entitlement("request.deviceType == \"Fone\""));

        Assert.Contains("does not compile", error.Message);
    }

    [Fact]
    public void An_expression_that_is_not_a_condition_is_refused()
    {
        var error = SingleError(TableJson.Entitlement("employee.id"));

        Assert.Contains("does not compile", error.Message);
    }

    [Theory]
    [InlineData("employee.GetType().Name == \"Employee\"", "GetType")]
    [InlineData("typeof(string) != null", "typeof")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")", "System")]
    [InlineData("\"\".GetType().Assembly.FullName != null", "GetType")]
    [InlineData("Activator.CreateInstance(\"x\") != null", "Activator")]
    [InlineData("Type.GetType(\"System.IO.File\") != null", "Type")]
    [InlineData("employee.Roles.Select(r => r.GetType()).Any()", "GetType")]
    [InlineData("employee.id.gettype() != null", "gettype")]
    [InlineData("AppDomain.CurrentDomain != null", "AppDomain")]
    [InlineData("Environment.Exit(1) == null", "Environment")]
    [InlineData("employee.roles.Cast(\"System.Object\").Any()", "Cast")]
    [InlineData("np(employee).Invoke() == null", "Invoke")]
    [InlineData("1.GetType() != null", "GetType")]
    public void Reflection_and_type_access_is_refused_by_name(string expression, string token)
    {
        var error = SingleError(TableJson.Entitlement(expression, ruleName: "Sneaky"));

        Assert.Equal(("Sneaky", "condition"), (error.Rule, error.Cell));
        Assert.Contains($"'{token}'", error.Message);
        Assert.Contains("which rules may not use", error.Message);
    }

    [Fact]
    public void Forbidden_words_inside_string_literals_are_data()
    {
        var result = validator.Validate(PolicySets.Entitlement,
            TableJson.Entitlement("PolicyFunctions.HasRole(employee, \"System.Type GetType\")"));

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("employee.ToString().Length > 0 && employee.id.Equals(\"x\")")]
    [InlineData("employee.roles.Any(r => r.StartsWith(\"Man\")) && employee.roles.Count() > 1")]
    [InlineData("unit.riskAssessments.Any(a => a.scope in (\"Unit\", \"Area\") && a.status == \"Approved\")")]
    [InlineData("request.deviceType == DeviceType.Tablet")]
    [InlineData("Math.Max(employee.activeDevices.Count(), 1) > 1")]
    [InlineData("DateTime(2026, 1, 1) > DateTime.MinValue")]
    public void Ordinary_expressions_are_accepted(string expression)
    {
        Assert.Empty(validator.Validate(PolicySets.Entitlement, TableJson.Entitlement(expression)).Errors);
    }

    [Theory]
    [InlineData("employee.id.GetHashCode() > 0", "GetHashCode")]
    [InlineData("ExpressionUtils.CheckContains(employee.id, \"e-1\")", "ExpressionUtils")]
    [InlineData("DateTime.Now.Hour > 17", "clock")]
    [InlineData("DateTimeOffset.UtcNow > DateTimeOffset.MinValue", "clock")]
    [InlineData("Enumerable.Range(0, 2147483647).Count() > 0", "Enumerable")]
    [InlineData("employee.id.PadLeft(1000000000).Length > 0", "PadLeft")]
    [InlineData("string('x', 1000000000).Length > 0", "New")]
    public void What_the_name_scan_lets_through_the_tree_walk_refuses(string expression, string what)
    {
        var error = SingleError(TableJson.Entitlement(expression, ruleName: "Walked"));

        Assert.Equal("Walked", error.Rule);
        Assert.Contains(what, error.Message);
    }

    [Fact]
    public void Output_expressions_are_checked_too()
    {
        var error = SingleError(TableJson.Entitlement("true", outcome: "Alternative",
            outputs: new { suggestedDeviceType = "=employee.GetType().Name" }));

        Assert.Equal(("UnderTest", "outputs.suggestedDeviceType"), (error.Rule, error.Cell));
        Assert.StartsWith("Output 'suggestedDeviceType' uses 'GetType'", error.Message);
    }

    [Fact]
    public void Every_bad_rule_is_reported()
    {
        var json = TableJson.Table("entitlement",
        [
            TableJson.Row("One", "Granted", condition: "employee.GetType() != null"),
            TableJson.Row("Two", "Granted", condition: "employee.nope"),
            TableJson.Row("Three", "Maybe"),
        ]);

        var errors = validator.Validate(PolicySets.Entitlement, json).Errors;

        Assert.Equal(["One", "Two", "Three"], errors.Select(e => e.Rule));
        Assert.Equal("outcome", errors[2].Cell);
        Assert.Contains("is not an outcome of 'entitlement'", errors[2].Message);
    }

    [Fact]
    public void An_outcome_without_the_outputs_its_workflows_read_is_refused()
    {
        var error = SingleError(TableJson.Entitlement("true", outcome: "Alternative"));

        Assert.Equal("Outcome 'Alternative' needs the output 'suggestedDeviceType'.", error.Message);
    }

    [Fact]
    public void A_reason_may_only_name_outputs_of_its_rule()
    {
        var json = TableJson.Entitlement("true").Replace("Regeln gäller.", "Regeln gäller {costCenter}.");

        var errors = validator.Validate(PolicySets.Entitlement, json).Errors;

        Assert.Contains(errors, e => e.Rule == "UnderTest" && e.Message.Contains("{costCenter}"));
    }

    [Theory]
    [InlineData("actions", "{}")]
    [InlineData("localParams", "[]")]
    [InlineData("rules", "[]")]
    [InlineData("expression", "\"true\"")]
    public void Fields_beyond_a_decision_table_are_refused_by_name(string key, string value)
    {
        var json = TableJson.Entitlement("true", ruleName: "Extra").Replace("\"name\":\"Extra\"", $"\"{key}\":{value},\"name\":\"Extra\"");

        var error = SingleError(json);

        Assert.Equal(PolicyRuleError.Table, error.Rule);
        Assert.StartsWith($"'{key}' at $.rows[0].{key} is not part of a decision table", error.Message);
    }

    [Fact]
    public void Unknown_top_level_fields_are_refused()
    {
        var json = TableJson.Entitlement("true").Replace("{\"name\"", "{\"globalParams\":[],\"name\"");

        Assert.StartsWith("'globalParams' at $.globalParams is not part", SingleError(json).Message);
    }

    [Fact]
    public void The_table_name_must_be_the_set()
    {
        var errors = validator.Validate(PolicySets.Financing, TableJson.Entitlement("true")).Errors;

        var error = errors[0];
        Assert.Equal((PolicyRuleError.Table, "name"), (error.Rule, error.Cell));
        Assert.Contains("'entitlement' but this is the set 'financing'", error.Message);
    }

    [Fact]
    public void Rule_names_are_unique()
    {
        var json = TableJson.Entitlement("true", ruleName: "Otherwise");

        Assert.Contains("same name", SingleError(json).Message);
    }

    [Fact]
    public void A_swedish_reason_is_required()
    {
        var json = TableJson.Entitlement("true").Replace("\"sv\":\"Regeln gäller.\",", "");

        var error = SingleError(json);

        Assert.Contains("required", error.Message);
        Assert.Contains("sv", error.Message);
    }

    [Fact]
    public void Unknown_sets_are_not_validated()
    {
        Assert.Throws<PolicySetNotFoundException>(() => validator.Validate("payroll", TableJson.Entitlement("true")));
    }

    [Fact]
    public void Oversized_workflows_are_refused_before_parsing()
    {
        var json = TableJson.Entitlement("true" + new string(' ', PolicyValidator.MaxJsonLength));

        Assert.Contains("larger than", SingleError(json).Message);
    }
}
