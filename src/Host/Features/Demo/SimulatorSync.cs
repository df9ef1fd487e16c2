using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Telephony;
using OperatorStatus = RJH.DeviceWorkflows.Activities.Adapters.Operator.SubscriptionStatus;
using RegisterSubscriptionStatus = RJH.DeviceWorkflows.Registry.SubscriptionStatus;

namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>
/// On every start, when an adapter runs as its simulator: fills the simulator from the register. The simulators keep
/// their state in memory only, so without this a restarted demo would have phones, numbers and extensions the outside
/// systems no longer know, and the first wipe or termination would fail as not_found. The register's ids are kept
/// (the register stores no MDM id, so its device id stands in as the simulated MDM's id).
/// </summary>
internal sealed class SimulatorSync(IServiceProvider services, IDeviceRegister devices, ISubscriptionRegister subscriptions,
    IExtensionRegister extensions, IOrgRegister org, DemoDataSource demo, ILogger<SimulatorSync> logger) : IHostedService
{
    private static readonly RegisterUser System = RegisterUser.System;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mdm = services.GetService<SimulatedMdmClient>();
        var operatorClient = services.GetService<SimulatedOperatorClient>();
        var telephony = services.GetService<SimulatedTelephonyClient>();
        if (mdm is null && operatorClient is null && telephony is null) return;

        var people = (await org.ListPeopleAsync(System, null, cancellationToken)).ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        var seeded = (Devices: 0, Subscriptions: 0, Extensions: 0);
        if (mdm is not null) seeded.Devices = await SeedDevicesAsync(mdm, people, cancellationToken);
        if (operatorClient is not null) seeded.Subscriptions = await SeedSubscriptionsAsync(operatorClient, people, cancellationToken);
        if (telephony is not null) seeded.Extensions = await SeedExtensionsAsync(telephony, people, cancellationToken);
        logger.LogInformation("Simulators filled from the register: {Devices} devices, {Subscriptions} subscriptions, {Extensions} extensions",
            seeded.Devices, seeded.Subscriptions, seeded.Extensions);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> SeedDevicesAsync(SimulatedMdmClient mdm, Dictionary<string, PersonInfo> people, CancellationToken ct)
    {
        var enrolled = (await devices.ListAsync(System, new DeviceQuery(Limit: 5000), ct)).Where(d => d.MdmState is MdmState.Enrolled or MdmState.Locked or MdmState.Wiped && d.MdmDeviceId is not null).ToList();
        foreach (var d in enrolled)
        {
            var holder = d.AssignedToEmployeeId is { } id ? people.GetValueOrDefault(id) : null;
            mdm.SeedDevice(d.MdmDeviceId!, d.Imei, d.Serial, holder?.Email ?? holder?.UserName, d.ActivationLock == ActivationLock.On);
        }
        return enrolled.Count;
    }

    private async Task<int> SeedSubscriptionsAsync(SimulatedOperatorClient client, Dictionary<string, PersonInfo> people, CancellationToken ct)
    {
        var live = (await subscriptions.ListAsync(System, null, null, ct))
            .Where(s => s.Status is RegisterSubscriptionStatus.Active or RegisterSubscriptionStatus.Blocked).ToList();
        foreach (var s in live)
        {
            var person = s.EmployeeId is { } id ? people.GetValueOrDefault(id) : null;
            var order = new SubscriptionOrder(s.Usage == SubscriptionUsage.DataOnly ? SubscriptionKind.DataOnly : SubscriptionKind.Voice,
                s.Sim == SimKind.ESim ? SimType.Esim : SimType.Sim,
                new SubscriptionHolder(s.EmployeeId ?? "", person?.Name ?? "", person?.UnitId));
            client.SeedSubscription(s.OperatorSubscriptionId ?? s.Id.ToString(), s.Msisdn, order,
                s.Status == RegisterSubscriptionStatus.Blocked ? OperatorStatus.Blocked : OperatorStatus.Active);
        }
        return live.Count;
    }

    private async Task<int> SeedExtensionsAsync(SimulatedTelephonyClient client, Dictionary<string, PersonInfo> people, CancellationToken ct)
    {
        var active = await extensions.ListAsync(System, Registry.ExtensionStatus.Active, null, ct);
        var functionUnits = active.Any(x => x.EmployeeId is null) ? await FunctionExtensionUnitsAsync(ct) : [];
        foreach (var x in active)
        {
            var person = x.EmployeeId is { } id ? people.GetValueOrDefault(id) : null;
            // The switchboard needs a unit; the register links extensions to people only, so a function extension's unit comes from the demo data.
            var unit = person?.UnitId ?? functionUnits.GetValueOrDefault(x.Number) ?? x.Switchboard;
            client.SeedExtension(x.SwitchboardExtensionId ?? x.Id.ToString(), x.Number, new ExtensionRequest(new ExtensionHolder(unit, x.EmployeeId, person?.Name)));
        }
        return active.Count;
    }

    private async Task<Dictionary<string, string>> FunctionExtensionUnitsAsync(CancellationToken ct) =>
        (await demo.ReadAsync(ct))?.Extensions.Where(x => x.UnitId is not null)
            .ToDictionary(x => x.Number, x => x.UnitId!, StringComparer.Ordinal) ?? [];
}
