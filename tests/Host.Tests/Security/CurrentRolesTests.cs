using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Features.Team;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 8: every right a manager has over her unit follows the register's current roles, not the roles in
/// a token. Anna keeps her token after HR takes the Manager role from her; her unit is then closed to her everywhere.
/// </summary>
public sealed class CurrentRolesTests : IDisposable
{
    private readonly HostFactory factory = HostFactory.WithDemo();

    [Fact]
    public async Task A_manager_whose_role_is_removed_loses_her_units_assessment_with_the_same_token()
    {
        using var anna = await factory.ClientFor("anna.chef");
        using var hr = await factory.ClientFor("hanna.hr");
        var created = await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/risk-assessments", new
        {
            scopeUnitId = "HS-KIR-AVD1", title = "Tjänstetelefon",
            risks = new[] { new { topic = "Nåbarhet", description = "Samtal efter arbetstid", level = "High" } },
            measures = new[] { new { description = "Riktlinje för kvällar", responsible = "Chefen" } },
            participants = new[] { new { name = "Sara", role = "SafetyRep" } },
        }), HttpStatusCode.Created);
        var id = created!["id"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await anna.GetAsync($"/api/risk-assessments/{id}"), HttpStatusCode.OK);

        await HttpAssert.StatusAsync(await hr.PostAsync("/api/org/import", OrganisationWithout("anna.chef", "Manager")), HttpStatusCode.OK);

        await HttpAssert.ProblemAsync(await anna.GetAsync($"/api/risk-assessments/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await HttpAssert.ArrayAsync(await anna.GetAsync("/api/risk-assessments")),
            a => a!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_manager_whose_role_is_removed_loses_her_peoples_agreements_with_the_same_token()
    {
        using var anna = await factory.ClientFor("anna.chef");
        using var hr = await factory.ClientFor("hanna.hr");
        var created = await HttpAssert.StatusAsync(await anna.PostAsJsonAsync("/api/remote-work-agreements", new
        {
            employeeId = "erik.anstalld", personalNumber = "19800101-1231", workplace = "Vårdavdelning 1", startDate = "2027-01-04",
            remoteDaysPerWeek = 2, officeDaysPerWeek = 3, noticePeriod = new { value = 1, unit = "Months" },
            terms = new
            {
                workingHours = "8–17", availability = "Telefon 8–17", absenceRoutine = "Anmäl till chef", meetingAttendance = "APT på plats",
                tasks = "Planering", resultFollowUp = "Månadsvis", connection = "VPN",
            },
        }), HttpStatusCode.Created);
        var id = created!["id"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await anna.GetAsync($"/api/remote-work-agreements/{id}"), HttpStatusCode.OK);

        await HttpAssert.StatusAsync(await hr.PostAsync("/api/org/import", OrganisationWithout("anna.chef", "Manager")), HttpStatusCode.OK);

        Assert.True((await anna.GetAsync($"/api/remote-work-agreements/{id}")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await HttpAssert.ArrayAsync(await anna.GetAsync("/api/remote-work-agreements")),
            a => a!["id"]!.GetValue<string>() == id);
        using var approve = await anna.PostAsJsonAsync($"/api/remote-work-agreements/{id}/approve", new { });
        Assert.True(approve.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, approve.StatusCode.ToString());
    }

    /// <summary>
    /// The other checks that open a unit to its manager — the register's people, unit messages, the team page's
    /// service and the dashboard's figures — follow the register's Manager role too, not the unit tree alone.
    /// </summary>
    [Fact]
    public async Task A_manager_whose_role_is_removed_loses_her_unit_in_the_register_messages_team_and_figures()
    {
        using var anna = await factory.ClientFor("anna.chef");
        using var hr = await factory.ClientFor("hanna.hr");
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "anna.chef"), new Claim(AppClaims.EmployeeId, "anna.chef"),
             new Claim(ClaimTypes.Role, "Manager"), new Claim(ClaimTypes.Role, "Employee")],
            "test", ClaimTypes.Name, ClaimTypes.Role));
        var period = new DashboardFilter(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        async Task<(bool Person, bool MessageUnit, bool TeamMember, bool FigureUnit)> WhatAnnaSeesAsync()
        {
            using var scope = factory.Services.CreateScope();
            var team = await scope.ServiceProvider.GetRequiredService<TeamQueries>().OverviewAsync(principal);
            var figures = await scope.ServiceProvider.GetRequiredService<IOutcomeDashboard>().ReadAsync(principal, period);
            var units = await HttpAssert.ArrayAsync(await anna.GetAsync("/api/unit-messages/units"));
            return ((await anna.GetAsync("/api/people/erik.anstalld")).StatusCode == HttpStatusCode.OK,
                units.ToJsonString().Contains("HS-KIR-AVD1", StringComparison.Ordinal),
                team.Members.Any(m => m.Person.EmployeeId == "erik.anstalld"),
                figures.Units.Any(u => u.Id == "HS-KIR-AVD1"));
        }
        Assert.Equal((true, true, true, true), await WhatAnnaSeesAsync());

        await HttpAssert.StatusAsync(await hr.PostAsync("/api/org/import", OrganisationWithout("anna.chef", "Manager")), HttpStatusCode.OK);

        Assert.Equal((false, false, false, false), await WhatAnnaSeesAsync());
    }

    /// <summary>The demo organisation as HR would export it, with one role taken from one person.</summary>
    private static StringContent OrganisationWithout(string userName, string role)
    {
        var path = Path.Combine(Repository.Root, "workflows", "demo", "demo-data.json");
        var organisation = JsonNode.Parse(File.ReadAllText(path))!["organisation"]!.DeepClone();
        var person = organisation["people"]!.AsArray().Single(p => p!["userName"]!.GetValue<string>() == userName)!;
        var roles = person["roles"]!.AsArray();
        roles.Remove(roles.Single(r => r!.GetValue<string>() == role));
        return new StringContent(organisation.ToJsonString(), Encoding.UTF8, "application/json");
    }

    public void Dispose() => factory.Dispose();
}
