using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.Designer;

/// <summary>/designer/{key}/migrate: a process owner moves running instances to the newly published version.</summary>
public sealed class MigrationPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static string Version(string step) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1"
            id="Definitions_migrate_web" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="migrate-web" name="Flyttprov" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="{step}" name="Steg {step}" rjh:candidateRoles="Manager" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{step}" />
            <bpmn:sequenceFlow id="f2" sourceRef="{step}" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_process_owner_dry_runs_maps_a_renamed_step_and_moves_an_instance()
    {
        Guid id;
        await App.Host.DeployAsync(Version("check"), user: "admin");
        using (var admin = await App.ApiAs("admin"))
            id = (await admin.StartInstanceAsync("migrate-web"))["id"]!.GetValue<Guid>();
        await App.Host.DeployAsync(Version("review"), user: "admin");

        var page = await SignedInAsync("process.owner", "/designer/migrate-web/migrate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Provkör" }).ClickAsync();
        var row = page.GetByTestId($"migrate-row-{id}");
        await Assertions.Expect(row).ToContainTextAsync("Kan inte flyttas");
        await Assertions.Expect(row).ToContainTextAsync("check");

        await page.GetByLabel("Mappning av omdöpta element (valfri)").FillAsync("check=review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Provkör" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Kan flyttas");
        await Assertions.Expect(row).ToContainTextAsync("Steg review (check → review)");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("designer-migrate");

        await page.GetByRole(AriaRole.Button, new() { Name = "Flytta valda ärenden (1)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("migrate-results")).ToContainTextAsync("flyttat till version 2");
        using var api = await App.ApiAs("admin");
        var instance = (await api.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
        Assert.Equal(2, instance["version"]!.GetValue<int>());
        Assert.Equal("review", instance["activeElements"]![0]!.GetValue<string>());
    }
}
