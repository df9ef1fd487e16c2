using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

/// <summary>
/// Issue 13, hole 2, for every user task of every shipped workflow (read from the BPMN files, so a new task is covered
/// the day it is drawn): a completion with a field its form does not declare — the register-derived ids above all —
/// is refused naming the field, and the engine is never reached.
/// </summary>
public sealed class ShippedTaskScopeTests : IDisposable
{
    private static readonly XNamespace BpmnNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Rjh = "urn:rjh:device-workflows:1";
    private readonly string folder = HostFactory.NewDirectory();

    public static TheoryData<string, string, string?> UserTasks()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "workflows"), "*.bpmn", SearchOption.AllDirectories).Order())
            foreach (var task in XDocument.Load(file).Descendants(BpmnNs + "userTask"))
                data.Add(Path.GetRelativePath(Repository.Root, file), (string)task.Attribute("id")!, (string?)task.Attribute(Rjh + "formKey"));
        return data;
    }

    [Fact]
    public void The_shipped_workflows_have_user_tasks_to_check() => Assert.True(UserTasks().Count >= 20, $"only {UserTasks().Count} user tasks found");

    [Theory]
    [MemberData(nameof(UserTasks))]
    public async Task A_field_the_form_does_not_declare_is_refused_naming_it(string file, string taskId, string? formKey)
    {
        var task = new TaskView(Guid.NewGuid(), Guid.NewGuid(), taskId, null, formKey, "tester", [], RJH.DeviceWorkflows.Testing.TestClock.Start,
            null, "Open", new JsonObject { ["employeeId"] = "maja.mobil", ["employee"] = new JsonObject { ["managerUserName"] = "olle.chef" } });
        var completion = new TaskCompletion(OneTask.Of(task), FailingEngine.Unreachable, new FormCatalog(Versions()));
        var forged = new JsonObject
        {
            ["employee"] = new JsonObject { ["managerUserName"] = "tester" },
            ["employeeId"] = "tester", ["deviceId"] = "forged-device", ["orderId"] = "forged-order", ["notOnTheForm"] = true,
        };

        var refused = await Assert.ThrowsAsync<FormValidationException>(() =>
            completion.CompleteAsync(task.Id, forged, new Caller("tester", new HashSet<string> { "Employee" })));

        Assert.All(new[] { "employee", "employeeId", "deviceId", "orderId", "notOnTheForm" },
            field => Assert.True(refused.Errors.ContainsKey(field), $"{file} {taskId} ({formKey}) took '{field}'"));
    }

    private FormVersions Versions() => new(
        Options.Create(new FormOptions { Folder = Path.Combine(Repository.Root, "workflows", "forms"), VersionsFolder = folder }),
        new HostingEnvironment { ContentRootPath = folder },
        new FakeTimeProvider(RJH.DeviceWorkflows.Testing.TestClock.Start));

    /// <summary>Queries that know one task; anything else would be a call the completion should not make.</summary>
    public class OneTask : DispatchProxy
    {
        private TaskView task = default!;

        public static IWorkflowQueries Of(TaskView task)
        {
            var proxy = Create<IWorkflowQueries, OneTask>();
            ((OneTask)(object)proxy).task = task;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IWorkflowQueries.GetTaskAsync) && args?[0] is Guid id && id == task.Id
                ? Task.FromResult<TaskView?>(task)
                : throw new InvalidOperationException($"Unexpected query {targetMethod?.Name}.");
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
