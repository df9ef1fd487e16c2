using System.Net;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;
using RJH.DeviceWorkflows.Host.Features.Jobs;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Jobs;

/// <summary>Job activities run by a real Hangfire server (in-memory storage) in the test host, and without it.</summary>
public sealed class HangfireJobTests
{
    [Fact]
    public async Task A_job_activity_runs_through_hangfire_and_the_instance_completes()
    {
        await using var host = HostFactory.With().ConfigureTestServices(TestActivities.Add);
        await host.DeployAsync(Processes.OneJob("echo-job", "Test.Echo"));
        using var erik = await host.ClientFor("erik.anstalld");

        var started = await erik.StartInstanceAsync("echo-job", new { value = "hello" });
        Assert.Equal(["call"], started["activeElements"]!.AsArray().Select(e => e!.GetValue<string>()));

        var done = await erik.WaitForInstanceAsync(started["id"]!, i => i.Status() != "Running");
        Assert.Equal("Completed", done.Status());
        Assert.Equal("hello", done["variables"]!["callResult"]!["echo"]!.GetValue<string>());
        Assert.IsType<HangfireJobDispatcher>(host.Services.GetRequiredService<IJobDispatcher>());
        // Hangfire records the job as succeeded only after the job method returns, which is after the
        // engine applied its result: give it a moment rather than racing it.
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        for (var i = 0; i < 50 && monitoring.SucceededListCount() < 1; i++) await Task.Delay(100);
        Assert.True(monitoring.SucceededListCount() >= 1);
        using var admin = await host.ClientFor("admin");
        var journal = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/instances/{started["id"]}/journal"));
        Assert.Single(journal, e => e!["kind"]!.GetValue<string>() == "JobCompleted");
    }

    [Fact]
    public async Task Workflow_jobs_run_without_the_global_filters_that_only_add_statements()
    {
        await using var host = HostFactory.With();
        var job = Job.FromExpression<WorkflowJobs>(j => j.RunAsync(Guid.NewGuid(), CancellationToken.None));

        var filters = host.Services.GetRequiredService<IJobFilterProvider>().GetFilters(job).Select(f => f.Instance).ToList();

        Assert.DoesNotContain(filters, f => f is StatisticsHistoryAttribute or ContinuationsSupportAttribute or CaptureCultureAttribute);
        // The engine counts attempts itself: the class's own "no retries" must still win over Hangfire's global retry filter.
        Assert.Contains(filters, f => f is AutomaticRetryAttribute { Attempts: 0 });
    }

    [Fact]
    public async Task The_in_process_runner_needs_no_hangfire_and_serves_no_dashboard()
    {
        await using var host = HostFactory.With(overrides: [("Jobs:Runner", "InProcess"), ("Jobs:WorkerCount", "7")]).ConfigureTestServices(TestActivities.Add);
        await host.DeployAsync(Processes.OneJob("echo-in-process", "Test.Echo"));
        using var admin = await host.ClientFor("admin");

        var started = await admin.StartInstanceAsync("echo-in-process", new { value = 42 });

        var done = await admin.WaitForInstanceAsync(started["id"]!, i => i.Status() != "Running");
        Assert.Equal("Completed", done.Status());
        Assert.Equal(42, done["variables"]!["callResult"]!["echo"]!.GetValue<int>());
        Assert.IsNotType<HangfireJobDispatcher>(host.Services.GetRequiredService<IJobDispatcher>());
        Assert.Null(host.Services.GetService<JobStorage>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/hangfire")).StatusCode);
        // The host's one setting for jobs at once reaches the in-process runner.
        Assert.Equal(7, host.Services.GetRequiredService<IOptions<JobOptions>>().Value.Workers);
    }

    [Theory]
    [InlineData("Jobs:Runner", "Quartz")]
    [InlineData("Jobs:WorkerCount", "0")]
    [InlineData("Jobs:BatchSize", "0")]
    [InlineData("Jobs:BatchParallelism", "0")]
    [InlineData("Jobs:BatchWindow", "00:01:00")]
    [InlineData("Jobs:QueuePollInterval", "00:00:00")]
    public async Task A_wrong_job_setting_stops_the_host_with_a_clear_message(string key, string value)
    {
        await using var host = HostFactory.With(overrides: [(key, value)]);

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(key, error.ToString());
    }
}
