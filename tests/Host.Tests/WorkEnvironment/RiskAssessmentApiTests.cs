using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.WorkEnvironment;

public sealed class RiskAssessmentApiTests(WorkEnvironmentHost host) : IClassFixture<WorkEnvironmentHost>
{
    private static object Draft(string unit) => new
    {
        scopeUnitId = unit,
        title = "Tjänstetelefon",
        risks = new[] { new { topic = "Nåbarhet", description = "Samtal efter arbetstid", level = "High" } },
        measures = new[] { new { description = "Riktlinje för kvällar", responsible = "Chefen" } },
        participants = new[] { new { name = "Sara", role = "SafetyRep" } },
    };

    private async Task<string> SubmittedAsync(string unit = "unit-akut")
    {
        using var hr = await host.Factory.ClientFor("hanna.hr");
        var created = (await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/risk-assessments", Draft(unit)), HttpStatusCode.Created))!;
        var id = created["id"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await hr.PostAsync($"/api/risk-assessments/{id}/submit", null), HttpStatusCode.OK);
        return id;
    }

    private async Task<JsonObject> SignOffAsync(string user, string id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = await host.Factory.ClientFor(user);
        var response = await client.PostAsJsonAsync($"/api/risk-assessments/{id}/sign-off", body);
        return expected == HttpStatusCode.OK ? (await HttpAssert.StatusAsync(response, expected))! : await HttpAssert.ProblemAsync(response, expected);
    }

    [Fact]
    public async Task Manager_and_safety_representative_approve_and_the_unit_is_covered()
    {
        var id = await SubmittedAsync();

        await SignOffAsync("anna.chef", id, new { decision = "Approve" });
        var approved = await SignOffAsync("sara.skyddsombud", id, new { decision = "Approve" });

        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        using var employee = await host.Factory.ClientFor("erik.anstalld");
        var coverage = await HttpAssert.ArrayAsync(await employee.GetAsync("/api/risk-assessments/coverage/unit-akut"));
        Assert.Contains(coverage, c => c!["assessmentId"]!.GetValue<string>() == id
            && c["scope"]!.GetValue<string>() == "Unit" && c["status"]!.GetValue<string>() == "Approved");
    }

    [Fact]
    public async Task A_rejection_is_revised_through_the_status_endpoint_and_resubmitted()
    {
        var id = await SubmittedAsync();

        var rejected = await SignOffAsync("sara.skyddsombud", id, new { decision = "Reject", comment = "Återhämtning saknas" });
        using var hr = await host.Factory.ClientFor("hanna.hr");
        var draft = await HttpAssert.StatusAsync(
            await hr.PostAsJsonAsync($"/api/risk-assessments/{id}/status", new { status = "Draft", reason = "Kompletterar" }), HttpStatusCode.OK);
        var resubmitted = await HttpAssert.StatusAsync(await hr.PostAsync($"/api/risk-assessments/{id}/submit", null), HttpStatusCode.OK);

        Assert.Equal(("Rejected", "Återhämtning saknas"), (rejected["status"]!.GetValue<string>(), rejected["rejectionComment"]!.GetValue<string>()));
        Assert.Equal("Draft", draft!["status"]!.GetValue<string>());
        Assert.Equal("Submitted", resubmitted!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_forbidden_transition_is_409_with_the_allowed_statuses()
    {
        var id = await SubmittedAsync();
        using var hr = await host.Factory.ClientFor("hanna.hr");

        var problem = await HttpAssert.ProblemAsync(
            await hr.PostAsJsonAsync($"/api/risk-assessments/{id}/status", new { status = "Approved", reason = "genväg" }), HttpStatusCode.Conflict);

        Assert.Equal(["Draft"], problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        await HttpAssert.ProblemAsync(await hr.PostAsJsonAsync($"/api/risk-assessments/{id}/status", new { status = "Klar" }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_employee_or_another_units_manager_gets_404_and_an_empty_list()
    {
        var id = await SubmittedAsync();

        foreach (var user in new[] { "erik.anstalld", "olle.chef" })
        {
            using var client = await host.Factory.ClientFor(user);
            await HttpAssert.ProblemAsync(await client.GetAsync($"/api/risk-assessments/{id}"), HttpStatusCode.NotFound);
            Assert.DoesNotContain(await HttpAssert.ArrayAsync(await client.GetAsync("/api/risk-assessments")),
                a => a!["id"]!.GetValue<string>() == id);
        }
        await SignOffAsync("erik.anstalld", id, new { decision = "Approve" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submitting_without_a_risk_is_400_naming_the_field()
    {
        using var hr = await host.Factory.ClientFor("hanna.hr");
        var created = (await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/risk-assessments",
            new { scopeUnitId = "unit-akut", title = "Tom" }), HttpStatusCode.Created))!;

        var problem = await HttpAssert.ProblemAsync(
            await hr.PostAsync($"/api/risk-assessments/{created["id"]}/submit", null), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["risks"]);
    }
}
