using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Runtime.Migration;
using RJH.DeviceWorkflows.Engine.Storage;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

public abstract class InstanceMigrationTests(DatabaseKind kind)
{
    public sealed class Sqlite() : InstanceMigrationTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : InstanceMigrationTests(DatabaseKind.PostgreSql);

    private const string Message = """<bpmn:message id="m1" name="device-delivered" />""";

    private static string Delivered(string id) =>
        $"""<bpmn:intermediateCatchEvent id="{id}" rjh:correlationKey="vars.orderId"><bpmn:messageEventDefinition messageRef="m1" /></bpmn:intermediateCatchEvent>""";

    private static string Timer(string id) =>
        $"""<bpmn:intermediateCatchEvent id="{id}"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>""";

    /// <summary>Version 1: an old route through "legacy", else approve → wait an hour → the delivery message.</summary>
    private static readonly string V1 = Process("p", """
        <bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" default="toApprove" />
        """ + UserTask("legacy") + UserTask("approve") + Timer("wait") + Delivered("delivered") + """<bpmn:endEvent id="end" />"""
        + Flow("f0", "start", "gw") + Flow("fOld", "gw", "legacy", "vars.route == 'old'") + Flow("toApprove", "gw", "approve")
        + Flow("fl", "legacy", "end") + Chain("f", "approve", "wait", "delivered", "end"), extraRoot: Message);

    /// <summary>Version 2: "legacy" is gone, the timer is renamed, and an archive task follows the delivery.</summary>
    private static readonly string V2 = Process("p", """
        <bpmn:startEvent id="start" />
        """ + UserTask("approve").Replace("name=\"approve\"", "name=\"Godkänn beställning\"") + Timer("waitHour") + Delivered("delivered")
        + UserTask("archive") + """<bpmn:endEvent id="end" />"""
        + Flow("f0", "start", "approve") + Chain("f", "approve", "waitHour", "delivered", "archive", "end"), extraRoot: Message);

    private static readonly Dictionary<string, string> Renamed = new() { ["wait"] = "waitHour" };

    private sealed record Setup(EngineHarness H, IInstanceMigration Migration, Guid AtTask, Guid AtTimer, Guid AtMessage, Guid AtLegacy);

    private static async Task<Setup> SetUpAsync(DatabaseKind kind)
    {
        var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(V1);
        var atTask = await h.StartAsync("p", new { route = "new", orderId = "A" });
        var atMessage = await h.StartAsync("p", new { route = "new", orderId = "C" });
        await h.CompleteAsync(atMessage.Id, "approve");
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        // Approved after the clock moved, so its timer is not yet due when a test moves the clock on.
        var atTimer = await h.StartAsync("p", new { route = "new", orderId = "B" });
        await h.CompleteAsync(atTimer.Id, "approve");
        var atLegacy = await h.StartAsync("p", new { route = "old", orderId = "D" });
        await h.DeployAsync(V2);
        return new Setup(h, h.Services.GetRequiredService<IInstanceMigration>(), atTask.Id, atTimer.Id, atMessage.Id, atLegacy.Id);
    }

    [SkippableFact]
    public async Task Dry_run_lists_each_instance_with_its_active_elements_and_changes_nothing()
    {
        var s = await SetUpAsync(kind);
        await using var h = s.H;

        var dry = await s.Migration.DryRunAsync(new MigrationPlan("p", 1, 2, Renamed), EngineHarness.Admin);

        Assert.Equal(4, dry.Instances.Count);
        var task = dry.Instances.Single(i => i.InstanceId == s.AtTask);
        Assert.True(task.CanMigrate);
        var element = Assert.Single(task.Elements);
        Assert.Equal(("userTask", "approve", "Godkänn beställning"), (element.Kind, element.TargetElementId, element.Name));
        var timer = dry.Instances.Single(i => i.InstanceId == s.AtTimer);
        Assert.True(timer.CanMigrate);
        Assert.Contains(timer.Elements, e => e.Kind == "timer" && e.ElementId == "wait" && e.TargetElementId == "waitHour" && e.DueAt is not null);
        Assert.Contains(dry.Instances.Single(i => i.InstanceId == s.AtMessage).Elements,
            e => e.Kind == "message" && e.MessageName == "device-delivered" && e.Problem is null);
        var legacy = dry.Instances.Single(i => i.InstanceId == s.AtLegacy);
        Assert.False(legacy.CanMigrate);
        Assert.Contains("legacy", Assert.Single(legacy.Problems));
        Assert.All(await Task.WhenAll(new[] { s.AtTask, s.AtTimer, s.AtMessage, s.AtLegacy }.Select(h.InstanceAsync)), i => Assert.Equal(1, i.Version));
    }

    [SkippableFact]
    public async Task Instances_at_a_task_a_timer_and_a_message_move_and_complete_on_the_new_version_one_at_a_removed_element_stays()
    {
        var s = await SetUpAsync(kind);
        await using var h = s.H;
        var legacyBefore = await h.Store.FindInstanceAsync(s.AtLegacy);

        var results = await s.Migration.MigrateAsync(new MigrationPlan("p", 1, 2, Renamed), EngineHarness.Admin);

        Assert.Equal(4, results.Count);
        Assert.All(results.Where(r => r.InstanceId != s.AtLegacy), r => Assert.True(r.Migrated, r.Reason));
        var refused = results.Single(r => r.InstanceId == s.AtLegacy);
        Assert.False(refused.Migrated);
        Assert.Contains("does not exist in version 2", refused.Reason);
        var legacyAfter = await h.Store.FindInstanceAsync(s.AtLegacy);
        Assert.Equal((1, legacyBefore!.Revision, legacyBefore.State), (legacyAfter!.DefinitionVersion, legacyAfter.Revision, legacyAfter.State));
        Assert.DoesNotContain(await h.JournalAsync(s.AtLegacy), j => j.Kind == "InstanceMigrated");

        // The open task is renamed after the target and completes into version 2's path.
        var task = Assert.Single(await h.OpenTasksAsync(s.AtTask));
        Assert.Equal("Godkänn beställning", task.Name);
        await h.CompleteAsync(s.AtTask, "approve");
        Assert.Equal(["waitHour"], (await h.InstanceAsync(s.AtTask)).ActiveElements);

        // The timer keeps its due time and fires on the renamed element.
        Assert.Equal(["waitHour"], (await h.InstanceAsync(s.AtTimer)).ActiveElements);
        Assert.True(await h.AdvanceAsync(TimeSpan.FromHours(1)) >= 2);
        Assert.Equal(["delivered"], (await h.InstanceAsync(s.AtTimer)).ActiveElements);

        // The message wait still matches its key; version 2's archive task follows, then the end.
        foreach (var (id, key) in new[] { (s.AtMessage, "C"), (s.AtTimer, "B"), (s.AtTask, "A") })
        {
            Assert.Equal(1, await h.Engine.CorrelateMessageAsync("device-delivered", key, new JsonObject(), EngineHarness.Admin));
            Assert.Equal(["archive"], (await h.InstanceAsync(id)).ActiveElements);
            var done = await h.CompleteAsync(id, "archive");
            Assert.Equal(("Completed", 2), (done.Status, done.Version));
            Assert.Contains(await h.JournalAsync(id), j => j.Kind == "InstanceMigrated" && j.Detail == "Migrated from version 1 to 2");
        }
    }

    [SkippableFact]
    public async Task Only_process_owners_migrate_and_bad_mappings_or_drafts_are_refused()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(V1);
        await h.DeployAsync(V2, publish: false);
        var migration = h.Services.GetRequiredService<IInstanceMigration>();
        var manager = new Caller("anna.chef", new HashSet<string> { "Manager" });

        await Assert.ThrowsAsync<ForbiddenException>(() => migration.DryRunAsync(new MigrationPlan("p", 1, 2), manager));
        await Assert.ThrowsAsync<InvalidRequestException>(() => migration.DryRunAsync(new MigrationPlan("p", 1, 2), EngineHarness.Admin));
        await h.Engine.PublishAsync("p", 2, EngineHarness.Admin);
        var bad = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            migration.MigrateAsync(new MigrationPlan("p", 1, 2, new Dictionary<string, string> { ["wait"] = "nowhere" }), EngineHarness.Admin));
        Assert.Contains("wait → nowhere", bad.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => migration.DryRunAsync(new MigrationPlan("p", 1, 9), EngineHarness.Admin));
    }
}
