using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

public sealed class SimulatorCoreTests
{
    private static SimulatorCore Core(double failureRate = 0, int? seed = 1, TimeSpan? latency = null, TimeProvider? time = null) =>
        new("test", new SimulatorOptions { FailureRate = failureRate, Seed = seed, Latency = latency ?? TimeSpan.Zero }, time ?? TimeProvider.System);

    [Fact]
    public async Task Latency_waits_on_the_time_provider()
    {
        var time = new FakeTimeProvider();
        var core = Core(latency: TimeSpan.FromMilliseconds(50), time: time);

        var call = core.MutateAsync("op", "k1", () => 42, CancellationToken.None);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(42, await call);
    }

    [Fact]
    public async Task A_repeated_key_returns_the_first_result_without_running_the_change_again()
    {
        var core = Core();
        var runs = 0;

        var first = await core.MutateAsync("op", "k1", () => ++runs, CancellationToken.None);
        var again = await core.MutateAsync("op", "k1", () => ++runs, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Equal(1, again);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_key_used_for_another_operation_is_refused()
    {
        var core = Core();
        await core.MutateAsync("order", "k1", () => 1, CancellationToken.None);

        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => core.MutateAsync("terminate", "k1", () => 2, CancellationToken.None));
        Assert.Equal(AdapterErrorCodes.IdempotencyKeyReused, e.Code);
    }

    [Fact]
    public async Task Failure_rate_one_fails_every_call_before_the_change()
    {
        var core = Core(failureRate: 1.0);
        var runs = 0;

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => core.MutateAsync("op", "k1", () => ++runs, CancellationToken.None));
        await Assert.ThrowsAsync<AdapterUnavailableException>(() => core.ReadAsync(() => runs, CancellationToken.None));
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task The_same_seed_fails_the_same_calls()
    {
        async Task<string> Pattern()
        {
            var core = Core(failureRate: 0.5, seed: 7);
            var outcome = "";
            for (var i = 0; i < 20; i++)
            {
                try { await core.MutateAsync("op", $"k{i}", () => i, CancellationToken.None); outcome += "."; }
                catch (AdapterUnavailableException) { outcome += "x"; }
            }
            return outcome;
        }

        var first = await Pattern();
        Assert.Equal(first, await Pattern());
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task A_refusal_is_not_remembered_so_nothing_is_pinned_to_the_key()
    {
        var core = Core();
        await Assert.ThrowsAsync<AdapterRejectedException>(() =>
            core.MutateAsync<int>("op", "k1", () => throw core.NotFound("thing"), CancellationToken.None));

        Assert.Equal(5, await core.MutateAsync("op", "k1", () => 5, CancellationToken.None));
    }
}
