using RJH.DeviceWorkflows.Rules.Facts;
using RJH.DeviceWorkflows.Rules.Tests.Support;

namespace RJH.DeviceWorkflows.Rules.Tests.Facts;

public sealed class FactsReaderTests
{
    private static string Refused<T>(string json) where T : class =>
        Assert.Throws<PolicyFactsException>(() => FactsReader.Read<T>(FactsJson.Parse(json))).Message;

    [Fact]
    public void Reads_device_facts_in_camel_case_with_enum_names()
    {
        var facts = FactsReader.Read<DeviceFacts>(FactsJson.Parse("""
            {"employee": {"id": "e1", "roles": ["Manager"], "sharesExtension": true, "activeDevices": ["Tablet"]},
             "unit": {"id": "u1", "administrationId": "a1", "rollout": "Mandatory",
                      "riskAssessments": [{"scope": "Area", "status": "Approved"}]},
             "request": {"deviceType": "DataOnlyPhone", "reason": "Loss", "underRollout": true}}
            """));

        Assert.Equal(["Manager"], facts.Employee!.Roles);
        Assert.True(facts.Employee.SharesExtension);
        Assert.Equal([DeviceType.Tablet], facts.Employee.ActiveDevices);
        Assert.Equal(Rollout.Mandatory, facts.Unit!.Rollout);
        Assert.Equal(AssessmentScope.Area, facts.Unit.RiskAssessments[0].Scope);
        Assert.Equal(new DeviceRequest { DeviceType = DeviceType.DataOnlyPhone, Reason = RequestReason.Loss, UnderRollout = true }, facts.Request);
    }

    [Fact]
    public void Left_out_parts_and_lists_have_defaults()
    {
        var facts = FactsReader.Read<DeviceFacts>(FactsJson.Parse("""{"employee": {"id": "e1"}}"""));

        Assert.Null(facts.Unit);
        Assert.Null(facts.Request);
        Assert.Empty(facts.Employee!.Roles);
        Assert.Empty(facts.Employee.ActiveDevices);
    }

    [Fact]
    public void An_unknown_field_is_named()
    {
        var message = Refused<DeviceFacts>("""{"employee": {"id": "e1", "hasOwnExtention": true}}""");

        Assert.Equal("Unknown fact field 'hasOwnExtention' at $.employee.hasOwnExtention.", message);
    }

    [Fact]
    public void An_unknown_top_level_field_is_named()
    {
        Assert.Equal("Unknown fact field 'salary' at $.salary.", Refused<DeviceFacts>("""{"salary": 1}"""));
    }

    [Fact]
    public void Pascal_case_is_an_unknown_field()
    {
        Assert.Contains("'Employee'", Refused<DeviceFacts>("""{"Employee": {"id": "e1"}}"""));
    }

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_names()
    {
        var message = Refused<DeviceFacts>("""{"request": {"deviceType": "Fone", "reason": "New"}}""");

        Assert.Contains("$.request.deviceType", message);
        Assert.Equal("Invalid fact at $.request.deviceType: 'Fone' is not one of Phone, Tablet, DataOnlyPhone.", message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"1\"")]
    [InlineData("\"phone\"")]
    public void Enums_are_names_only(string value)
    {
        var message = Refused<DeviceFacts>("{\"request\": {\"deviceType\": " + value + ", \"reason\": \"New\"}}");

        Assert.Contains("$.request.deviceType", message);
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var message = Refused<DeviceFacts>("""{"request": {"deviceType": "Phone"}}""");

        Assert.Contains("$.request", message);
        Assert.Contains("reason", message);
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        Assert.Contains("given twice", Refused<DeviceFacts>("""{"employee": {"id": "e1"}, "employee": {"id": "e2"}}"""));
    }

    [Fact]
    public void Null_is_refused_where_a_list_is_expected()
    {
        Assert.Contains("$.employee.roles", Refused<DeviceFacts>("""{"employee": {"id": "e1", "roles": null}}"""));
    }

    [Fact]
    public void A_wrong_kind_of_value_is_refused()
    {
        Assert.Contains("$.employee.hasOwnExtension", Refused<DeviceFacts>("""{"employee": {"id": "e1", "hasOwnExtension": "yes"}}"""));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"facts\"")]
    public void Facts_must_be_an_object(string json)
    {
        Assert.StartsWith("The facts must be a JSON object", Refused<DeviceFacts>(json));
    }

    [Fact]
    public void Notification_facts_need_urgency_and_working_time_but_not_the_next_working_time()
    {
        var message = Refused<NotificationFacts>("""{"urgent": true}""");

        Assert.Contains("recipientInWorkingTime", message);
        Assert.DoesNotContain("nextWorkingTimeStart", message);
    }
}
