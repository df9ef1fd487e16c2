using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 2: a task completion sets only what the task's form declares, never what the workflow derived from
/// the register (who the employee and the manager are, device and order ids); a task without a form sets nothing.
/// </summary>
public sealed class TaskCompletionScopeTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly object ForgedIds = new { employeeId = "erik.anstalld", deviceId = "forged-device", orderId = "forged-order" };

    [Fact]
    public async Task A_task_without_a_form_takes_no_values_and_names_each_one_refused()
    {
        // manager-approval's task has form key example-approval, for which there is no form file.
        await factory.DeployAsync(Bpmn.ManagerApproval);
        using var anna = await factory.ClientFor("anna.chef");
        var instance = await anna.StartInstanceAsync("manager-approval", new { orderedBy = "erik.anstalld" });
        var task = Assert.Single(await HttpAssert.ArrayAsync(await anna.GetAsync($"/api/tasks?instanceId={instance["id"]}")))!;

        var problem = await HttpAssert.ProblemAsync(await anna.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { amount = 5000, orderedBy = "anna.chef" } }), HttpStatusCode.BadRequest);

        Assert.Equal(["amount", "orderedBy"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        var after = (await HttpAssert.StatusAsync(await anna.GetAsync($"/api/instances/{instance["id"]}"), HttpStatusCode.OK))!;
        Assert.Equal("Running", after["status"]!.GetValue<string>());
        Assert.Equal("erik.anstalld", after["variables"]!["orderedBy"]!.GetValue<string>());
        Assert.Null(after["variables"]!["amount"]);
        // Without values it completes as before.
        await HttpAssert.StatusAsync(await anna.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { } }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_employee_cannot_make_herself_the_approver_of_her_remote_work_agreement()
    {
        await using var s = await LifecycleScenario.StartAsync();
        var start = await s.StartAsync("maja.mobil", "remote-work-agreement", new { employeeId = "maja.mobil" });
        var id = start["id"]!.GetValue<Guid>();
        var draft = await s.TaskAsync("maja.mobil", "draft-agreement", id);
        var manager = (await s.GetAsync($"/api/instances/{id}"))["variables"]!["employee"]!["managerUserName"]!.GetValue<string>();
        Assert.NotEqual("maja.mobil", manager);

        var forged = Draft();
        forged["employee"] = new JsonObject { ["managerUserName"] = "maja.mobil" };
        var maja = await s.As("maja.mobil");
        var problem = await HttpAssert.ProblemAsync(await maja.PostAsJsonAsync($"/api/tasks/{draft["id"]}/complete",
            new { variables = forged }), HttpStatusCode.BadRequest);

        Assert.Equal(["employee"], problem["errors"]!.AsObject().Select(e => e.Key));
        var after = await s.GetAsync($"/api/instances/{id}");
        Assert.Equal(manager, after["variables"]!["employee"]!["managerUserName"]!.GetValue<string>());
        Assert.Contains(after["activeElements"]!.AsArray(), e => e!.GetValue<string>() == "draft");

        await s.CompleteAsync("maja.mobil", "draft-agreement", Draft(), id);
        var approval = await s.TaskAsync(manager, "approve-agreement", id);
        Assert.Equal(manager, approval["assignee"]!.GetValue<string>());
        Assert.DoesNotContain(await s.GetArrayAsync($"/api/tasks?instanceId={id}", "maja.mobil"),
            t => t!["formKey"]!.GetValue<string>() == "approve-agreement");
    }

    [Fact]
    public async Task Delivery_and_acknowledgement_of_an_order_refuse_forged_employee_device_and_order_ids()
    {
        await using var s = await LifecycleScenario.StartAsync();
        var order = await s.StartAsync("maja.mobil", "ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" });
        var id = order["id"]!.GetValue<Guid>();
        await UntilDeliveryAsync(s, id);
        var deliver = await s.TaskAsync("sam.service", "deliver-device", id);
        var before = (await s.GetAsync($"/api/instances/{id}"))["variables"]!;

        await AssertRefusesIdsAsync(s, "sam.service", deliver, ForgedIds);
        await s.CompleteAsync("sam.service", "deliver-device", null, id);
        var acknowledge = await s.TaskAsync("maja.mobil", "acknowledge-handover", id);
        await AssertRefusesIdsAsync(s, "maja.mobil", acknowledge,
            new { acknowledged = true, employeeId = "erik.anstalld", deviceId = "forged-device", orderId = "forged-order" });
        await s.CompleteAsync("maja.mobil", "acknowledge-handover", new { acknowledged = true }, id);

        var done = (await s.WaitForStatusAsync(id, "Completed"))["variables"]!;
        Assert.Equal("maja.mobil", done["employeeId"]!.GetValue<string>());
        Assert.Equal(before["orderId"]?.ToJsonString(), done["orderId"]?.ToJsonString());
        Assert.NotEqual("forged-device", done["deviceId"]!.GetValue<string>());
    }

    private static async Task AssertRefusesIdsAsync(LifecycleScenario s, string user, JsonObject task, object variables)
    {
        var problem = await HttpAssert.ProblemAsync(await (await s.As(user)).PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables }), HttpStatusCode.BadRequest);
        var named = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.All(new[] { "employeeId", "deviceId", "orderId" }, field => Assert.Contains(field, named));
        Assert.Equal("Open", (await s.GetAsync($"/api/tasks/{task["id"]}", user))["status"]!.GetValue<string>());
    }

    /// <summary>Accepts and approves Maja's order until the service desk has it to deliver.</summary>
    private static async Task UntilDeliveryAsync(LifecycleScenario s, Guid id)
    {
        var approver = await s.ApproverOfAsync("maja.mobil");
        (string User, string Form, object Variables)[] steps =
        [
            ("maja.mobil", "accept-alternative", new { accepted = true }),
            (approver, "approve-order", new { approved = true, justification = "Test" }),
        ];
        var watch = Stopwatch.StartNew();
        while (!(await s.GetArrayAsync($"/api/tasks?instanceId={id}", "sam.service")).Any(t => t!["formKey"]!.GetValue<string>() == "deliver-device"))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), $"no delivery task: {await s.IncidentsAsync()}");
            foreach (var (user, form, variables) in steps)
                if ((await s.GetArrayAsync($"/api/tasks?instanceId={id}", user)).Any(t => t!["formKey"]!.GetValue<string>() == form))
                    await s.CompleteAsync(user, form, variables, id);
            await Task.Delay(100);
        }
    }

    private static JsonObject Draft() => AgreementDrafts.Valid("19800101-0019");
}
