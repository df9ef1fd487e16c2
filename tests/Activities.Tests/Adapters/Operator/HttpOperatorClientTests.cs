using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Operator;

/// <summary>The REST client against a fake operator that checks each request against docs/operator-api.yaml.</summary>
public sealed class HttpOperatorClientTests
{
    private static readonly SubscriptionHolder Erik = new("SE2321000214-E1234", "Erik Anställd", "4711");

    private static readonly Subscription Answer = new("sub-000042", SubscriptionKind.Voice, "+46701740605", SubscriptionStatus.Pending,
        new SimCard("8946010000000000042", SimType.Esim, "LPA:1$smdp.operator.example$ABC123"), Erik);

    private static RestAdapterUnderTest<IOperatorClient> Start(Func<RecordedRequest, FakeResponse> route, int maxRetries = 2) =>
        new("Operator", route, maxRetries);

    [Fact]
    public async Task Ordering_posts_the_order_with_key_and_reads_the_subscription()
    {
        await using var t = Start(_ => FakeSupplier.Json(201, Answer));
        var (client, supplier) = (t.Client, t.Supplier);

        var s = await client.OrderSubscriptionAsync(new SubscriptionOrder(SubscriptionKind.Voice, SimType.Esim, Erik), "job-1");

        Assert.Equal(Answer, s);
        var r = Assert.Single(supplier.Requests);
        Assert.Equal(("POST", "/rjh/v1/subscriptions"), (r.Method, r.Path));
        Assert.Equal("job-1", r.Header("Idempotency-Key"));
        Assert.Equal("voice", r.Json.GetProperty("kind").GetString());
        Assert.Equal("esim", r.Json.GetProperty("simType").GetString());
        Assert.Equal("SE2321000214-E1234", r.Json.GetProperty("holder").GetProperty("employeeId").GetString());
        Assert.Equal("Erik Anställd", r.Json.GetProperty("holder").GetProperty("name").GetString());
        Assert.Equal("4711", r.Json.GetProperty("holder").GetProperty("costCentre").GetString());
        Assert.Empty(supplier.Violations);
    }

    [Fact]
    public async Task Each_change_goes_to_its_path_with_its_body()
    {
        await using var t = Start(_ => FakeSupplier.Json(200, Answer));
        var (client, supplier) = (t.Client, t.Supplier);
        var successor = new SubscriptionHolder("SE2321000214-E9999", "Maja Mobil");

        await client.ActivateSimAsync("sub-000042", "k-activate");
        await client.BlockSimAsync("sub-000042", SimBlockReason.Stolen, "k-block");
        await client.TransferSubscriptionAsync("sub-000042", successor, "k-transfer");
        await client.TerminateSubscriptionAsync("sub-000042", "k-terminate");

        var r = supplier.Requests;
        Assert.Equal(
            ["POST /rjh/v1/subscriptions/sub-000042/sim/activate k-activate", "POST /rjh/v1/subscriptions/sub-000042/sim/block k-block",
             "POST /rjh/v1/subscriptions/sub-000042/transfer k-transfer", "POST /rjh/v1/subscriptions/sub-000042/terminate k-terminate"],
            r.Select(x => $"{x.Method} {x.Path} {x.Header("Idempotency-Key")}"));
        Assert.Equal("", r[0].Body);
        Assert.Equal("stolen", r[1].Json.GetProperty("reason").GetString());
        Assert.Equal("Maja Mobil", r[2].Json.GetProperty("holder").GetProperty("name").GetString());
        Assert.False(r[2].Json.GetProperty("holder").TryGetProperty("costCentre", out _)); // nulls are left out
        Assert.Empty(supplier.Violations);
    }

    [Fact]
    public async Task Get_reads_the_subscription_and_404_is_null()
    {
        await using var t = Start(r => r.Path.EndsWith("/sub-000042", StringComparison.Ordinal)
            ? FakeSupplier.Json(200, Answer with { Status = SubscriptionStatus.Active })
            : FakeResponse.Problem(404, "not_found"));
        var (client, supplier) = (t.Client, t.Supplier);

        Assert.Equal(SubscriptionStatus.Active, (await client.GetSubscriptionAsync("sub-000042"))!.Status);
        Assert.Null(await client.GetSubscriptionAsync("sub/../other"));

        Assert.Equal("/rjh/v1/subscriptions/sub%2F..%2Fother", supplier.Requests[1].Path); // an id cannot leave its segment
        Assert.All(supplier.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Empty(supplier.Violations);
    }

    [Fact]
    public async Task A_503_is_retried_with_the_same_key_and_the_second_answer_wins()
    {
        var calls = 0;
        await using var t = Start(_ => ++calls == 1 ? FakeResponse.Problem(503, "maintenance", retryAfter: "0") : FakeSupplier.Json(200, Answer));
        var (client, supplier) = (t.Client, t.Supplier);

        var s = await client.TerminateSubscriptionAsync("sub-000042", "job-7");

        Assert.Equal(Answer, s);
        Assert.Equal(2, supplier.Requests.Count);
        Assert.All(supplier.Requests, r => Assert.Equal("job-7", r.Header("Idempotency-Key")));
        Assert.Empty(supplier.Violations);
    }

    [Fact]
    public async Task Unavailable_after_the_retries_run_out()
    {
        await using var t = Start(_ => FakeResponse.Problem(503, "maintenance", retryAfter: "0"), maxRetries: 2);
        var (client, supplier) = (t.Client, t.Supplier);

        var e = await Assert.ThrowsAsync<AdapterUnavailableException>(() => client.ActivateSimAsync("sub-000042", "job-8"));

        Assert.Equal(3, supplier.Requests.Count);
        Assert.Equal(AdapterSystems.Operator, e.System);
        Assert.Equal(TimeSpan.Zero, e.RetryAfter);
    }

    [Fact]
    public async Task A_refusal_carries_the_suppliers_code_but_none_of_its_prose()
    {
        await using var t = Start(_ => FakeResponse.Problem(409, "subscription_terminated"));
        var (client, supplier) = (t.Client, t.Supplier);

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => client.BlockSimAsync("sub-000042", SimBlockReason.Lost, "job-9"));

        Assert.Equal(AdapterErrorCodes.SubscriptionTerminated, e.Code);
        Assert.DoesNotContain("Anna", e.Message);
        Assert.DoesNotContain("1234", e.Message);
        Assert.Single(supplier.Requests); // a 4xx is not retried
    }

    [Theory]
    [InlineData(400, "{\"code\":\"Anna Andersson is unknown\"}", AdapterErrorCodes.InvalidRequest)]
    [InlineData(404, "", AdapterErrorCodes.NotFound)]
    [InlineData(422, "not json", AdapterErrorCodes.InvalidRequest)]
    [InlineData(409, "{}", AdapterErrorCodes.Conflict)]
    [InlineData(410, "{}", "http_410")]
    public async Task A_refusal_without_a_usable_code_gets_one_from_its_status(int status, string body, string code)
    {
        await using var t = Start(_ => new FakeResponse(status, body, "application/problem+json"));
        var (client, supplier) = (t.Client, t.Supplier);

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => client.TerminateSubscriptionAsync("sub-000042", "job-10"));

        Assert.Equal(code, e.Code);
        Assert.DoesNotContain("Anna", e.Message);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_refusal_about_credentials()
    {
        var supplier = new FakeSupplier(_ => FakeSupplier.Json(200, Answer));
        await using var _ = supplier;
        using var services = AdapterHost.Build(new Dictionary<string, string?>
        {
            ["Adapters:Operator:Mode"] = "Rest",
            ["Adapters:Operator:Rest:BaseAddress"] = supplier.BaseAddress.ToString(),
            ["Adapters:Operator:Rest:ApiKey"] = "stale-key",
        });

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            services.GetRequiredService<IOperatorClient>().ActivateSimAsync("sub-000042", "job-11"));

        Assert.Equal(AdapterErrorCodes.Unauthorized, e.Code);
    }

    [Fact]
    public async Task A_success_with_a_body_outside_the_contract_is_unavailable_so_the_job_retries()
    {
        await using var t = Start(_ => new FakeResponse(200, "<html>proxy</html>", "text/html"));
        var (client, supplier) = (t.Client, t.Supplier);

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => client.ActivateSimAsync("sub-000042", "job-12"));
    }
}
