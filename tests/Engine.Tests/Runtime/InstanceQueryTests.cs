using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>The operations list (<see cref="IWorkflowQueries.FindInstancesAsync"/>): filters, counts per status and paging in the database.</summary>
public abstract class InstanceQueryTests(DatabaseKind kind)
{
    public sealed class Sqlite() : InstanceQueryTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : InstanceQueryTests(DatabaseKind.PostgreSql);

    private static readonly Caller Erik = new("erik.anstalld", new HashSet<string> { "Employee" });
    private static readonly Caller Sam = new("sam.service", new HashSet<string> { "ServiceCenter" });

    private static string Model(string key) => Process(key, """
        <bpmn:startEvent id="start" /><bpmn:userTask id="work" rjh:candidateRoles="ServiceCenter" /><bpmn:endEvent id="end" />
        """ + Chain("f", "start", "work", "end"), starterRoles: "Employee");

    [SkippableFact]
    public async Task Filters_by_process_version_status_reference_person_and_day_and_counts_per_status()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Model("loan"));
        await h.DeployAsync(Model("order"));
        await h.DeployAsync(Model("order"));
        var loan = await h.StartAsync("loan", new { employee = new { name = "Åsa Öberg" } }, businessKey: "LOAN-1");
        h.Clock.Advance(TimeSpan.FromDays(1));
        var order = await h.StartAsync("order", new { employeeId = "maja.mobil" }, caller: Erik, businessKey: "ORD-2");
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var done = await h.StartAsync("order", businessKey: "ORD-3");
        await h.CompleteAsync(done.Id, "work");

        async Task<Guid[]> Ids(InstanceFilter filter, Caller? caller = null) =>
            (await h.Queries.FindInstancesAsync(filter, caller ?? Sam)).Instances.Select(i => i.Id).ToArray();

        Assert.Equal([done.Id, order.Id, loan.Id], await Ids(new InstanceFilter()));
        Assert.Equal([done.Id, order.Id], await Ids(new InstanceFilter { Process = "order", Version = 2 }));
        Assert.Empty(await Ids(new InstanceFilter { Process = "order", Version = 1 }));
        Assert.Equal([done.Id], await Ids(new InstanceFilter { Status = InstanceStatus.Completed }));
        Assert.Equal([order.Id], await Ids(new InstanceFilter { BusinessKey = "RD-2" }));
        Assert.Equal([loan.Id], await Ids(new InstanceFilter { Person = "Åsa Öberg" }));
        Assert.Equal([order.Id], await Ids(new InstanceFilter { Person = "maja.mobil" }));
        Assert.Equal([order.Id], await Ids(new InstanceFilter { Person = "erik.anstalld" }));
        var firstDay = DateOnly.FromDateTime(loan.StartedAt.ToOffset(TimeSpan.FromHours(1)).Date);
        Assert.Equal([loan.Id], await Ids(new InstanceFilter { StartedFrom = firstDay, StartedTo = firstDay }));
        Assert.Equal([done.Id, order.Id], await Ids(new InstanceFilter { StartedFrom = firstDay.AddDays(1) }));

        var page = await h.Queries.FindInstancesAsync(new InstanceFilter { Process = "order", Status = InstanceStatus.Running }, Sam);
        Assert.Equal(1, page.Total);
        Assert.Equal(1, page.StatusCounts["Running"]);
        Assert.Equal(1, page.StatusCounts["Completed"]);
        // Whoever does not read every instance sees those they started.
        Assert.Equal([order.Id], await Ids(new InstanceFilter(), Erik));
    }

    [SkippableFact]
    public async Task Pages_newest_first_and_refuses_a_bad_page_or_days_in_the_wrong_order()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Model("loan"));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add((await h.StartAsync("loan")).Id);
        }

        var second = await h.Queries.FindInstancesAsync(new InstanceFilter { Offset = 2, PageSize = 2 }, Sam);

        Assert.Equal([ids[2], ids[1]], second.Instances.Select(i => i.Id));
        Assert.Equal(5, second.Total);
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindInstancesAsync(new InstanceFilter { PageSize = 0 }, Sam));
        await Assert.ThrowsAsync<InvalidRequestException>(() => h.Queries.FindInstancesAsync(
            new InstanceFilter { StartedFrom = new DateOnly(2026, 12, 2), StartedTo = new DateOnly(2026, 12, 1) }, Sam));
    }

    [SkippableFact]
    public async Task An_instance_started_for_someone_is_theirs_to_follow_and_no_one_elses()
    {
        await using var h = await EngineHarness.CreateAsync(kind);
        await h.DeployAsync(Model("order"));
        var manager = new Caller("anna.chef", new HashSet<string> { "Employee", "Manager" });
        var maja = new Caller("maja.mobil", new HashSet<string> { "Employee" });
        var forErik = await h.Engine.StartAsync(new StartInstance("order", null, null, StartedFor: " erik.anstalld "), manager);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var annasOwn = await h.Engine.StartAsync(new StartInstance("order", null, null, StartedFor: "anna.chef"), manager);

        Assert.Equal("erik.anstalld", forErik.StartedFor);
        Assert.Null(annasOwn.StartedFor);   // started for oneself is simply one's own
        Assert.Equal([forErik.Id], (await h.Queries.ListInstancesAsync(new InstanceQuery(Concerning: Erik.UserName), Erik)).Select(i => i.Id));
        Assert.Equal([forErik.Id], (await h.Queries.FindInstancesAsync(new InstanceFilter(), Erik)).Instances.Select(i => i.Id));
        Assert.NotNull(await h.Queries.GetInstanceAsync(forErik.Id, Erik));
        Assert.Null(await h.Queries.GetInstanceAsync(forErik.Id, maja));
        Assert.Empty((await h.Queries.FindInstancesAsync(new InstanceFilter(), maja)).Instances);
        Assert.Equal([annasOwn.Id, forErik.Id], (await h.Queries.FindInstancesAsync(new InstanceFilter(), manager)).Instances.Select(i => i.Id));
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            h.Engine.StartAsync(new StartInstance("order", null, null, StartedFor: new string('x', 201)), manager));
    }
}
