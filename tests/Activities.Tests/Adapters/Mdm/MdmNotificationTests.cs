using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Mdm;

/// <summary>Company Portal custom notifications: Graph's beta call from the Intune adapter, and the simulator's record of them.</summary>
public sealed class MdmNotificationTests
{
    private static readonly MdmNotification Notice = new("Personalmöte flyttat", "Mötet på torsdag är flyttat till kl. 14.", ["group-anna"]);

    [Fact]
    public async Task Graph_is_asked_on_its_beta_endpoint_with_title_body_and_groups()
    {
        await using var graph = new FakeGraph(_ => FakeResponse.NoContent());

        var result = await graph.Client.SendNotificationAsync(Notice, "job-7:push");

        var request = Assert.Single(graph.Requests);
        Assert.Equal("POST /beta/deviceManagement/sendCustomNotificationToCompanyPortal", $"{request.Method} {request.Path}");
        Assert.Equal("Personalmöte flyttat", request.Json.GetProperty("notificationTitle").GetString());
        Assert.Equal("Mötet på torsdag är flyttat till kl. 14.", request.Json.GetProperty("notificationBody").GetString());
        Assert.Equal(["group-anna"], request.Json.GetProperty("groupsToNotify").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("job-7:push", request.Header("Idempotency-Key"));
        Assert.Empty(graph.Violations);
        Assert.True(result.SentAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Theory]
    [InlineData(403, AdapterErrorCodes.Unauthorized)]
    [InlineData(400, AdapterErrorCodes.InvalidRequest)]
    public async Task Graph_refusals_are_rejections_without_Graphs_message(int status, string code)
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(status, """{"error":{"code":"Refused","message":"anna.chef@regionjh.se"}}"""));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => graph.Client.SendNotificationAsync(Notice, "k"));

        Assert.Equal(code, e.Code);
        Assert.DoesNotContain("anna", e.Message);
    }

    [Fact]
    public async Task A_graph_outage_is_unavailable()
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(503, """{"error":{"code":"ServiceUnavailable","message":"later"}}"""));

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => graph.Client.SendNotificationAsync(Notice, "k"));
    }

    [Theory]
    [InlineData("", "text", "group")]
    [InlineData("title", "", "group")]
    [InlineData("title", "text", null)]
    public async Task A_malformed_notification_is_refused_before_anything_is_sent(string title, string body, string? group)
    {
        await using var graph = new FakeGraph(_ => FakeResponse.NoContent());
        var notification = new MdmNotification(title, body, group is null ? [] : [group]);

        var graphRefusal = await Assert.ThrowsAsync<AdapterRejectedException>(() => graph.Client.SendNotificationAsync(notification, "k"));
        var simulatorRefusal = await Assert.ThrowsAsync<AdapterRejectedException>(() => Simulators.Mdm().SendNotificationAsync(notification, "k"));

        Assert.Empty(graph.Requests);
        Assert.Equal((AdapterErrorCodes.InvalidRequest, AdapterErrorCodes.InvalidRequest), (graphRefusal.Code, simulatorRefusal.Code));
    }

    [Fact]
    public async Task A_title_longer_than_Intune_allows_is_refused()
    {
        var mdm = Simulators.Mdm();

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            mdm.SendNotificationAsync(Notice with { Title = new string('x', MdmNotification.MaxTitleLength + 1) }, "k"));

        Assert.Equal(AdapterErrorCodes.InvalidRequest, e.Code);
        Assert.Empty(mdm.Notifications);
    }

    [Fact]
    public async Task The_simulator_records_each_notification_once_per_key_at_its_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var mdm = new SimulatedMdmClient(Options.Create(new MdmOptions { Simulator = Simulators.Settings() }), clock);

        var first = await mdm.SendNotificationAsync(Notice, "k1");
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await mdm.SendNotificationAsync(Notice, "k1");

        Assert.Equal(first, again);
        var sent = Assert.Single(mdm.Notifications);
        Assert.Equal((Notice, clock.Start), (sent.Notification, sent.At));
    }

    [Fact]
    public async Task The_simulator_honours_its_injected_failures_and_latency()
    {
        var failing = Simulators.Mdm(failureRate: 1);
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => failing.SendNotificationAsync(Notice, "k"));
        Assert.Empty(failing.Notifications);

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var slow = new SimulatedMdmClient(Options.Create(new MdmOptions
        {
            Simulator = new SimulatorOptions { Latency = TimeSpan.FromSeconds(2), Seed = 1 },
        }), clock);
        var sending = slow.SendNotificationAsync(Notice, "k");
        await Task.Delay(50);
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(clock.GetUtcNow(), (await sending).SentAt);
    }
}
