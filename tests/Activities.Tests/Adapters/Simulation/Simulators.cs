using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Simulation;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Simulation;

/// <summary>Simulators without latency, failing as often as asked (seeded, so repeatable).</summary>
public static class Simulators
{
    public static SimulatorOptions Settings(double failureRate = 0) => new() { Latency = TimeSpan.Zero, FailureRate = failureRate, Seed = 1 };

    public static SimulatedMdmClient Mdm(double failureRate = 0) =>
        new(Options.Create(new MdmOptions { Simulator = Settings(failureRate) }), TimeProvider.System);

    public static SimulatedOperatorClient Operator(double failureRate = 0) =>
        new(Options.Create(new OperatorOptions { Simulator = Settings(failureRate) }), TimeProvider.System);

    public static SimulatedTelephonyClient Telephony(double failureRate = 0) =>
        new(Options.Create(new TelephonyOptions { Simulator = Settings(failureRate) }), TimeProvider.System);

    public static SimulatedSupplierClient Supplier(double failureRate = 0, TimeProvider? time = null, TimeSpan? autoDeliverAfter = null,
        params ISupplierDeliveryListener[] listeners) =>
        new(Options.Create(new SupplierOptions { Simulator = Settings(failureRate), AutoDeliverAfter = autoDeliverAfter }),
            time ?? TimeProvider.System, listeners);
}
