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
