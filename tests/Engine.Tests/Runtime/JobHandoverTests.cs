using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>
/// A job made due by a command of this host runs as that command committed it, without being read back
/// (<see cref="JobHandover"/>); a second delivery of the same job reads the database and finds it done.
/// </summary>
public sealed class JobHandoverTests
{
    [Fact]
    public async Task A_job_made_due_on_this_host_runs_without_being_read_again_and_a_second_delivery_finds_it_done()
    {
        await using var h = await EngineHarness.CreateAsync(DatabaseKind.Sqlite, s => s.AddActivity<OutsideActivity>());
        var run = Guid.NewGuid().ToString("N");
        var instance = await h.DeployAndStartAsync(Process("two-jobs", $"""
            <bpmn:startEvent id="start" />
            {Service("first", "Test.Outside", Input("run", "vars.run"), Output("first", "result.serial"))}
            {Service("second", "Test.Outside", Input("run", "vars.run"), Output("second", "result.businessKey"))}
            {UserTask("after")}
            """ + Chain("f", "start", "first", "second", "after")), new { run });
        using var counter = await DatabaseCommandCounter.ListeningAsync(h.Database.Options);

        Assert.True(h.Dispatcher.Jobs.TryPeek(out var first));
        Assert.Equal(2, await h.RunJobsAsync());

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(["after"], done.ActiveElements);
        Assert.Equal("SN-" + run, done.Variables["first"]!.GetValue<string>());
        // Each job is read once, by the command that applies its outcome; the runs took them from memory.
        Assert.Equal(2, counter.Commands.Count(c => c.Contains("FROM \"Jobs\"", StringComparison.Ordinal)));

        counter.Clear();
        await h.Jobs.RunJobAsync(first.Id);
        Assert.Single(counter.Commands, c => c.Contains("FROM \"Jobs\"", StringComparison.Ordinal));
        var firstCall = Assert.Single(OutsideActivity.Calls, c => c.Key.StartsWith($"{instance.Id:N}:", StringComparison.Ordinal) && c.Key.Contains(":first:", StringComparison.Ordinal));
        Assert.Equal(1, firstCall.Value);
    }

    [Fact]
    public void A_job_is_handed_over_once()
    {
        var handover = new JobHandover();
        var job = Job();
        handover.Remember(job);

        Assert.Same(job, handover.Take(job.Job.Id));
        Assert.Null(handover.Take(job.Job.Id));
        Assert.Null(handover.Take(Guid.NewGuid()));
    }

    [Fact]
    public void Jobs_never_taken_here_make_room_for_new_ones_once_they_fill_the_capacity()
    {
        var handover = new JobHandover();
        var untaken = Enumerable.Range(0, JobHandover.Capacity).Select(_ => Job()).ToList();
        foreach (var job in untaken) handover.Remember(job);

        var next = Job();
        handover.Remember(next);

        Assert.Same(next, handover.Take(next.Job.Id));
        Assert.Null(handover.Take(untaken[^1].Job.Id));   // dropped: its run reads it
    }

    private static JobToRun Job() => new(new JobRecord
    {
        Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), TokenId = "t", ElementId = "e", ActivityType = "Test.Outside",
        Inputs = "{}", IdempotencyKey = "k", CreatedAt = DateTimeOffset.UnixEpoch,
    }, "order-1");
}
