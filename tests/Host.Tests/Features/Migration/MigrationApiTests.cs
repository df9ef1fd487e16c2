using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Migration;

public sealed class MigrationApiTests
{
    private static string Version(string taskName, string nextTask) => Processes.Process("migrate-me", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="approve" name="{taskName}" rjh:candidateRoles="Manager" />
        <bpmn:userTask id="{nextTask}" name="{nextTask}" rjh:candidateRoles="Manager" />
        <bpmn:endEvent id="end" />
        {Processes.Chain("start", "approve", nextTask, "end")}
        """);

    [Fact]
    public async Task A_process_owner_dry_runs_and_migrates_over_the_api_and_others_are_refused()
    {
        await using var factory = new HostFactory();
        await factory.DeployAsync(Version("Godkänn", "archive"));
        using var employee = await factory.ClientFor("erik.anstalld");
        var instance = await employee.StartInstanceAsync("migrate-me");
        var id = instance["id"]!.GetValue<Guid>();
        await factory.DeployAsync(Version("Godkänn beställningen", "file"));
        using var owner = await factory.ClientFor("process.owner");

        using (var refused = await employee.PostAsJsonAsync("/api/definitions/migrate-me/migrations/dry-run", new { fromVersion = 1, toVersion = 2 }))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using (var bad = await owner.PostAsJsonAsync("/api/definitions/migrate-me/migrations/dry-run",
            new { fromVersion = 1, toVersion = 2, mapping = new Dictionary<string, string> { ["approve"] = "missing" } }))
            Assert.Contains("approve → missing", (await HttpAssert.ProblemAsync(bad, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());

        using var dry = await owner.PostAsJsonAsync("/api/definitions/migrate-me/migrations/dry-run", new { fromVersion = 1, toVersion = 2 });
        var check = (await HttpAssert.StatusAsync(dry, HttpStatusCode.OK))!["instances"]!.AsArray().Single()!;
        Assert.Equal(id, check["instanceId"]!.GetValue<Guid>());
        Assert.True(check["canMigrate"]!.GetValue<bool>());
        Assert.Equal("Godkänn beställningen", check["elements"]![0]!["name"]!.GetValue<string>());

        using var migrate = await owner.PostAsJsonAsync("/api/definitions/migrate-me/migrations",
            new { fromVersion = 1, toVersion = 2, instanceIds = new[] { id } });
        var result = (await HttpAssert.ArrayAsync(migrate)).Single()!;
        Assert.True(result["migrated"]!.GetValue<bool>());
        using var admin = await factory.ClientFor("admin");
        Assert.Equal(2, (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/instances/{id}"))!["version"]!.GetValue<int>());
        Assert.Contains("Migrated from version 1 to 2", await admin.GetStringAsync($"/api/instances/{id}/journal"));
    }
}
