using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Supplier;

public sealed class SupplierRegistrationTests
{
    [Fact]
    public void Without_settings_the_supplier_is_its_simulator_one_per_host()
    {
        using var services = AdapterHost.Build(new Dictionary<string, string?>());

        Assert.IsType<SimulatedSupplierClient>(services.GetRequiredService<ISupplierClient>());
        Assert.Same(services.GetRequiredService<ISupplierClient>(), services.GetRequiredService<SimulatedSupplierClient>());
        Assert.Null(services.GetRequiredService<IOptions<SupplierOptions>>().Value.AutoDeliverAfter);
    }

    [Fact]
    public void Auto_delivery_is_bound_and_must_be_positive()
    {
        using var bound = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Supplier:AutoDeliverAfter"] = "00:00:30" });
        using var zero = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Supplier:AutoDeliverAfter"] = "00:00:00" });

        Assert.Equal(TimeSpan.FromSeconds(30), bound.GetRequiredService<IOptions<SupplierOptions>>().Value.AutoDeliverAfter);
        var e = Assert.Throws<OptionsValidationException>(() => zero.GetRequiredService<ISupplierClient>());
        Assert.Contains("Adapters:Supplier:AutoDeliverAfter", e.Message);
    }

    [Fact]
    public void Rest_mode_builds_the_http_client_and_needs_its_settings()
    {
        using var incomplete = AdapterHost.Build(new Dictionary<string, string?> { ["Adapters:Supplier:Mode"] = "Rest" });
        using var complete = AdapterHost.Build(new Dictionary<string, string?>
        {
            ["Adapters:Supplier:Mode"] = "Rest",
            ["Adapters:Supplier:Rest:BaseAddress"] = "https://api.supplier.example/rjh/v1",
            ["Adapters:Supplier:Rest:ApiKey"] = "not-a-real-key",
        });

        Assert.Contains("Adapters:Supplier:Rest", Assert.Throws<OptionsValidationException>(() => incomplete.GetRequiredService<IOptions<SupplierOptions>>().Value).Message);
        Assert.IsType<HttpSupplierClient>(complete.GetRequiredService<ISupplierClient>());
    }
}
