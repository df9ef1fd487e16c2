using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 8: work-environment rights follow the register's current roles, not the roles in a token. Anna
/// keeps her token after HR takes the Manager role from her; her unit's risk assessment is then closed to her.
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
