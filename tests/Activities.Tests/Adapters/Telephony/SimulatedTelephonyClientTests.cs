using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Telephony;

public sealed class SimulatedTelephonyClientTests
{
    private static readonly ExtensionRequest ForErik = new(new ExtensionHolder("unit-ost-akut", "SE2321000214-E1234", "Erik Anställd"), "+46701740605");

    [Fact]
    public async Task Creating_gives_the_next_number_and_a_repeated_key_creates_nothing()
    {
        var tel = Simulators.Telephony();

        var first = await tel.CreateExtensionAsync(ForErik, "k1");
        var again = await tel.CreateExtensionAsync(ForErik, "k1");
        var next = await tel.CreateExtensionAsync(ForErik, "k2");

        Assert.Equal("14701", first.Number);
        Assert.Equal(first, again);
        Assert.Equal("14702", next.Number);
        Assert.Equal(ExtensionStatus.Active, first.Status);
    }

    [Fact]
    public async Task Moving_keeps_the_number_and_removing_is_final()
    {
        var tel = Simulators.Telephony();
        var ext = tel.SeedExtension(ForErik);
        var unitFunction = new ExtensionHolder("unit-ost-avd12");

        var moved = await tel.MoveExtensionAsync(ext.Id, unitFunction, "move");
        var removed = await tel.RemoveExtensionAsync(ext.Id, "remove");

        Assert.Equal(ext.Number, moved.Number);
        Assert.Equal(unitFunction, moved.Holder);
        Assert.Equal(ExtensionStatus.Removed, removed.Status);
        Assert.Equal(removed, await tel.RemoveExtensionAsync(ext.Id, "remove"));
        var e = await Assert.ThrowsAsync<AdapterRejectedException>(() => tel.MoveExtensionAsync(ext.Id, unitFunction, "move-2"));
        Assert.Equal(AdapterErrorCodes.ExtensionRemoved, e.Code);
    }

    [Fact]
    public async Task An_unknown_extension_is_refused_or_null()
    {
        var tel = Simulators.Telephony();

        Assert.Equal(AdapterErrorCodes.NotFound, (await Assert.ThrowsAsync<AdapterRejectedException>(() => tel.RemoveExtensionAsync("ext-x", "k"))).Code);
        Assert.Null(await tel.GetExtensionAsync("ext-x"));
    }

    [Fact]
    public async Task With_failure_rate_one_nothing_is_created()
    {
        var tel = Simulators.Telephony(failureRate: 1.0);

        await Assert.ThrowsAsync<AdapterUnavailableException>(() => tel.CreateExtensionAsync(ForErik, "k1"));

        Assert.Equal("14701", tel.SeedExtension(ForErik).Number);
    }
}
