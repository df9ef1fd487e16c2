using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Mdm;

/// <summary>The Intune adapter sends the Graph calls Microsoft documents, and reads Graph's answers and errors.</summary>
public sealed class GraphMdmClientTests
{
    private const string Devices = "/v1.0/deviceManagement/managedDevices";

    private static readonly string FoundDevice = """
        {"value":[{"id":"d-1","serialNumber":"F2LXK0ABCD12","imei":"356938035643809","userPrincipalName":"old.owner@regionjh.se","managementState":"managed"}]}
        """;

    private static string Path(RecordedRequest r) => $"{r.Method} {r.Path}";

    [Fact]
    public async Task Enrolling_finds_the_device_by_serial_assigns_the_user_and_asks_it_to_check_in()
    {
        await using var graph = new FakeGraph(r => r.Method == "GET" ? new FakeResponse(200, FoundDevice) : FakeResponse.NoContent());

        var enrolment = await graph.Client.EnrollDeviceAsync(new MdmEnrollmentRequest("356938035643809", "F2LXK0ABCD12", "erik.anstalld@regionjh.se"), "job-1");

        Assert.Equal(new MdmEnrollment(MdmEnrollmentStatus.Enrolled, "d-1"), enrolment);
        Assert.Equal([$"GET {Devices}", "POST /beta/deviceManagement/managedDevices/d-1/users/$ref", $"POST {Devices}/d-1/syncDevice"],
            graph.Requests.Select(Path));
        Assert.Contains("$filter=serialNumber eq 'F2LXK0ABCD12'", graph.Requests[0].Query);
        Assert.Equal($"{graph.Root}beta/users/erik.anstalld%40regionjh.se",
            graph.Requests[1].Json.GetProperty("@odata.id").GetString());
        Assert.All(graph.Requests.Skip(1), r => Assert.Equal("job-1", r.Header("Idempotency-Key")));
        Assert.Empty(graph.Violations);
    }

    [Fact]
    public async Task Enrolling_a_device_already_assigned_to_the_user_only_asks_it_to_check_in()
    {
        await using var graph = new FakeGraph(r => r.Method == "GET" ? new FakeResponse(200, FoundDevice) : FakeResponse.NoContent());

        await graph.Client.EnrollDeviceAsync(new MdmEnrollmentRequest("356938035643809", null, "Old.Owner@regionjh.se"), "job-2");

        Assert.Equal([$"GET {Devices}", $"POST {Devices}/d-1/syncDevice"], graph.Requests.Select(Path));
        Assert.Contains("$filter=imei eq '356938035643809'", graph.Requests[0].Query);
    }

    [Fact]
    public async Task A_device_Intune_has_not_seen_is_pending()
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(200, """{"value":[]}"""));

        var enrolment = await graph.Client.EnrollDeviceAsync(new MdmEnrollmentRequest(null, "F2LXK0ABCD12", "erik.anstalld@regionjh.se"), "job-3");

        Assert.Equal(new MdmEnrollment(MdmEnrollmentStatus.Pending, null), enrolment);
        Assert.Single(graph.Requests);
    }

    [Fact]
    public async Task A_malformed_serial_is_refused_before_anything_is_sent()
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(200, """{"value":[]}"""));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            graph.Client.EnrollDeviceAsync(new MdmEnrollmentRequest(null, "X' or true or serialNumber eq '", "erik.anstalld@regionjh.se"), "job-4"));

        Assert.Equal(AdapterErrorCodes.InvalidRequest, e.Code);
        Assert.Empty(graph.Requests);
    }

    [Fact]
    public async Task Actions_post_to_Graphs_device_actions()
    {
        await using var graph = new FakeGraph(_ => FakeResponse.NoContent());

        var wipe = await graph.Client.WipeDeviceAsync("d-1", "k-wipe");
        await graph.Client.RetireDeviceAsync("d-1", "k-retire");
        await graph.Client.LockDeviceAsync("d-1", "k-lock");
        await graph.Client.ReleaseActivationLockAsync("d-1", "k-release");

        Assert.Equal(new[] { "wipe k-wipe", "retire k-retire", "remoteLock k-lock", "bypassActivationLock k-release" }.Select(a => $"POST {Devices}/d-1/{a}"),
            graph.Requests.Select(r => $"{Path(r)} {r.Header("Idempotency-Key")}"));
        Assert.False(graph.Requests[0].Json.GetProperty("keepEnrollmentData").GetBoolean());
        Assert.False(graph.Requests[0].Json.GetProperty("keepUserData").GetBoolean());
        Assert.Equal((MdmAction.Wipe, MdmActionStatus.Accepted, "d-1"), (wipe.Action, wipe.Status, wipe.DeviceId));
        Assert.Empty(graph.Violations);
    }

    [Fact]
    public async Task Get_maps_the_managed_device_and_404_is_null()
    {
        await using var graph = new FakeGraph(r => r.Path.EndsWith("/d-1", StringComparison.Ordinal)
            ? new FakeResponse(200, """
                {"id":"d-1","imei":"356938035643809","serialNumber":"F2LXK0ABCD12","userPrincipalName":"erik.anstalld@regionjh.se",
                 "managementState":"wipePending","enrollmentProfileName":"RJH Standard","lastSyncDateTime":"2026-11-20T08:00:00Z",
                 "activationLockBypassCode":"SECRET-CODE"}
                """)
            : new FakeResponse(404, """{"error":{"code":"ResourceNotFound","message":"Device of erik.anstalld@regionjh.se not found"}}"""));

        var device = await graph.Client.GetDeviceAsync("d-1");

        Assert.Equal(new MdmDevice("d-1", "356938035643809", "F2LXK0ABCD12", "erik.anstalld@regionjh.se", MdmDeviceState.Wiped, true,
            "RJH Standard", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)), device);
        Assert.Contains("$select=", graph.Requests[0].Query);
        Assert.Null(await graph.Client.GetDeviceAsync("d-2"));
    }

    [Theory]
    [InlineData(404, AdapterErrorCodes.NotFound)]
    [InlineData(403, AdapterErrorCodes.Unauthorized)]
    [InlineData(400, AdapterErrorCodes.InvalidRequest)]
    public async Task Graph_refusals_are_rejections_without_Graphs_message(int status, string code)
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(status, """{"error":{"code":"Refused","message":"erik.anstalld@regionjh.se"}}"""));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => graph.Client.WipeDeviceAsync("d-1", "k"));

        Assert.Equal(code, e.Code);
        Assert.DoesNotContain("erik", e.Message);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Graph_outages_are_unavailable(int status)
    {
        await using var graph = new FakeGraph(_ => new FakeResponse(status, """{"error":{"code":"ServiceUnavailable","message":"try later"}}"""));

        var e = await Assert.ThrowsAsync<AdapterUnavailableException>(() => graph.Client.RetireDeviceAsync("d-1", "k"));

        Assert.Equal(AdapterSystems.Mdm, e.System);
    }
}
