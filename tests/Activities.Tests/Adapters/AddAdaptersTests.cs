using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters;

public sealed class AddAdaptersTests
{
    [Fact]
    public void Without_settings_every_system_is_its_simulator_one_per_host()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?>());

        Assert.IsType<SimulatedMdmClient>(services.GetRequiredService<IMdmClient>());
        Assert.IsType<SimulatedOperatorClient>(services.GetRequiredService<IOperatorClient>());
        Assert.IsType<SimulatedTelephonyClient>(services.GetRequiredService<ITelephonyClient>());
        Assert.Same(services.GetRequiredService<IMdmClient>(), services.GetRequiredService<SimulatedMdmClient>());
        Assert.Equal(TimeSpan.FromMilliseconds(50), services.GetRequiredService<IOptions<OperatorOptions>>().Value.Simulator.Latency);
    }

    [Fact]
    public void Simulator_settings_are_bound()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?>
        {
            ["Adapters:Telephony:Simulator:Latency"] = "00:00:00.200",
            ["Adapters:Telephony:Simulator:FailureRate"] = "0.25",
            ["Adapters:Telephony:Simulator:Seed"] = "42",
        });

        var simulator = services.GetRequiredService<IOptions<TelephonyOptions>>().Value.Simulator;
        Assert.Equal((TimeSpan.FromMilliseconds(200), 0.25, 42), (simulator.Latency, simulator.FailureRate, simulator.Seed));
    }

    [Fact]
    public void A_failure_rate_above_one_is_refused()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Mdm:Simulator:FailureRate"] = "1.5" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMdmClient>());
    }

    [Fact]
    public void Rest_mode_without_base_address_or_key_is_refused_naming_the_settings()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Operator:Mode"] = "Rest" });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OperatorOptions>>().Value);
        Assert.Contains("Adapters:Operator:Rest", e.Message);
    }

    [Fact]
    public void Intune_mode_builds_the_Graph_client_without_calling_anyone()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?>
        {
            ["Adapters:Mdm:Mode"] = "Intune",
            ["Adapters:Mdm:Intune:TenantId"] = "00000000-0000-0000-0000-000000000001",
            ["Adapters:Mdm:Intune:ClientId"] = "00000000-0000-0000-0000-000000000002",
            ["Adapters:Mdm:Intune:ClientSecret"] = "not-a-real-secret",
        });

        Assert.IsType<GraphMdmClient>(services.GetRequiredService<IMdmClient>());
    }

    [Fact]
    public void Intune_mode_without_credentials_is_refused()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Mdm:Mode"] = "Intune" });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMdmClient>());
        Assert.Contains("TenantId", e.Message);
    }
}
