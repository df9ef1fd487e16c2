using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Telephony;

/// <summary>The REST client against a fake switchboard that checks each request against docs/telephony-api.yaml.</summary>
public sealed class HttpTelephonyClientTests
{
    private static readonly ExtensionHolder Erik = new("unit-ost-akut", "SE2321000214-E1234", "Erik Anställd");
    private static readonly Extension Answer = new("ext-000007", "14707", ExtensionStatus.Active, Erik, "+46701740605");

    private static RestAdapterUnderTest<ITelephonyClient> Start(Func<RecordedRequest, FakeResponse> route) => new("Telephony", route);

    [Fact]
    public async Task Creating_posts_holder_and_mobile_number_with_key()
    {
        await using var t = Start(_ => FakeSupplier.Json(201, Answer));

        var ext = await t.Client.CreateExtensionAsync(new ExtensionRequest(Erik, "+46701740605"), "job-1");

        Assert.Equal(Answer, ext);
        var r = Assert.Single(t.Requests);
        Assert.Equal(("POST", "/rjh/v1/extensions", "job-1"), (r.Method, r.Path, r.Header("Idempotency-Key")));
        Assert.Equal("unit-ost-akut", r.Json.GetProperty("holder").GetProperty("unitId").GetString());
        Assert.Equal("SE2321000214-E1234", r.Json.GetProperty("holder").GetProperty("employeeId").GetString());
        Assert.Equal("+46701740605", r.Json.GetProperty("mobileNumber").GetString());
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task Moving_posts_the_new_holder_and_removing_deletes()
    {
        await using var t = Start(r => FakeSupplier.Json(200, r.Method == "DELETE" ? Answer with { Status = ExtensionStatus.Removed } : Answer));

        await t.Client.MoveExtensionAsync("ext-000007", new ExtensionHolder("unit-ost-avd12"), "k-move");
        var removed = await t.Client.RemoveExtensionAsync("ext-000007", "k-remove");

        Assert.Equal(ExtensionStatus.Removed, removed.Status);
        Assert.Equal(["POST /rjh/v1/extensions/ext-000007/move k-move", "DELETE /rjh/v1/extensions/ext-000007 k-remove"],
            t.Requests.Select(x => $"{x.Method} {x.Path} {x.Header("Idempotency-Key")}"));
        var holder = t.Requests[0].Json.GetProperty("holder");
        Assert.Equal("unit-ost-avd12", holder.GetProperty("unitId").GetString());
        Assert.False(holder.TryGetProperty("employeeId", out _));
        Assert.Equal("", t.Requests[1].Body);
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task Get_reads_the_extension_and_404_is_null()
    {
        await using var t = Start(r => r.Path.EndsWith("ext-000007", StringComparison.Ordinal) ? FakeSupplier.Json(200, Answer) : FakeResponse.Problem(404, "not_found"));

        Assert.Equal(Answer, await t.Client.GetExtensionAsync("ext-000007"));
        Assert.Null(await t.Client.GetExtensionAsync("ext-000008"));
        Assert.Empty(t.Supplier.Violations);
    }

    [Fact]
    public async Task A_429_is_retried_and_a_removed_extension_is_a_refusal()
    {
        var calls = 0;
        await using var t = Start(_ => ++calls == 1 ? FakeResponse.Problem(429, "rate_limited", retryAfter: "0") : FakeResponse.Problem(409, "extension_removed"));

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => t.Client.MoveExtensionAsync("ext-000007", Erik, "job-3"));

        Assert.Equal(AdapterErrorCodes.ExtensionRemoved, e.Code);
        Assert.Equal(AdapterSystems.Telephony, e.System);
        Assert.Equal(2, t.Requests.Count);
        Assert.All(t.Requests, r => Assert.Equal("job-3", r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task A_request_still_in_progress_under_the_same_key_is_unavailable_not_refused()
    {
        await using var t = Start(_ => FakeResponse.Problem(409, "request_in_progress", retryAfter: "2"));

        var e = await Assert.ThrowsAsync<AdapterUnavailableException>(() => t.Client.RemoveExtensionAsync("ext-000007", "job-4"));

        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
    }
}
