using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Testing;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Routines;

/// <summary>
/// The routine documents (Rutiner): every shipped process's routine, generated from its published version, names each
/// of its user tasks and the roles that do them; the ordering routine shows its rule rows and prints without the menu.
/// </summary>
public sealed class RoutineTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Rjh = "urn:rjh:device-workflows:1";

    // The roles as the UI names them in Swedish.
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        ["Admin"] = "Administratör", ["Employee"] = "Anställd", ["HR"] = "HR", ["Manager"] = "Chef",
        ["ProcessOwner"] = "Processägare", ["SafetyRep"] = "Skyddsombud", ["ServiceCenter"] = "Servicecenter",
    };

    [Fact]
    public async Task Every_shipped_process_has_a_routine_naming_each_user_task_and_its_roles()
    {
        using var admin = await App.ApiAs("admin");
        var published = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions"))!
            .Select(d => d!.AsObject()).Where(d => d["publishedVersion"] is not null).ToList();
        Assert.True(published.Count >= 9, $"expected the shipped processes, found {published.Count}");

        var page = await SignedInAsync("erik.anstalld", "/routines");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Rutiner" })
            .ClickAsync();
        await Assertions.Expect(page.GetByTestId("routines").GetByRole(AriaRole.Link)).ToHaveCountAsync(published.Count);
        await page.AssertAccessibleAsync();

        foreach (var definition in published)
        {
            var key = definition["key"]!.GetValue<string>();
            var version = definition["publishedVersion"]!.GetValue<int>();
            await AssertNamesEveryUserTaskAsync(page, key, await admin.GetStringAsync($"/api/definitions/{key}/versions/{version}/xml"));
        }
    }

    [Fact]
    public async Task The_organisation_model_variants_once_published_have_a_routine_naming_each_user_task()
    {
        using var owner = await App.ApiAs("process.owner");
        var page = await SignedInAsync("erik.anstalld", "/routines");
        foreach (var file in new[] { "ordering-alt1.bpmn", "ordering-alt3.bpmn" })
        {
            var xml = await File.ReadAllTextAsync(ShippedVariants.PathOf(file));
            using var deployed = await owner.PostAsync("/api/definitions?publish=true", new StringContent(xml, System.Text.Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml")));
            Assert.True(deployed.IsSuccessStatusCode, $"{file}: {await deployed.Content.ReadAsStringAsync()}");
            await AssertNamesEveryUserTaskAsync(page, "ordering", xml);
            await Assertions.Expect(page.GetByTestId("routine")).ToContainTextAsync(XDocument.Parse(xml).Descendants(Bpmn + "process").Single().Attribute("name")!.Value);
        }
    }

    /// <summary>The routine of <paramref name="key"/> lists each user task of <paramref name="xml"/> by name, with its roles and their checklists.</summary>
    private static async Task AssertNamesEveryUserTaskAsync(IPage page, string key, string xml)
    {
        await page.GotoAsync($"/routines/{key}");
        var steps = page.GetByTestId("steps");
        await Assertions.Expect(steps).ToBeVisibleAsync();
        foreach (var task in XDocument.Parse(xml).Descendants(Bpmn + "userTask"))
        {
            var id = (string)task.Attribute("id")!;
            var step = steps.Locator($"li[data-element-id='{id}']");
            await Assertions.Expect(step).ToContainTextAsync((string?)task.Attribute("name") ?? id);
            var roles = ((string?)task.Attribute(Rjh + "candidateRoles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var role in roles)
            {
                await Assertions.Expect(step).ToContainTextAsync(RoleNames[role]);
                await Assertions.Expect(page.Locator($"[data-testid='checklist'][data-role='{role}']"))
                    .ToContainTextAsync((string?)task.Attribute("name") ?? id);
            }
        }
    }

    [Fact]
    public async Task The_ordering_routine_shows_its_rule_rows_in_words_and_prints_without_the_menu()
    {
        var page = await SignedInAsync("olle.chef", "/routines/ordering");
        var entitlement = page.Locator("[data-testid='decision'][data-set='entitlement']");
        await Assertions.Expect(entitlement).ToContainTextAsync("regeluppsättningen entitlement, version 1");
        // A row's Swedish reason and its cells, as the published table has them.
        await Assertions.Expect(entitlement).ToContainTextAsync("en ersättning beviljas alltid");
        await Assertions.Expect(entitlement).ToContainTextAsync("request.reason: Replacement, Loss");
        await Assertions.Expect(page.GetByTestId("steps")).ToContainTextAsync("ska vara klar inom");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("routine");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skriv ut eller spara som PDF" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("routine")).ToBeVisibleAsync();
    }
}
