using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>
/// Writes the demo data through the register's own services, as HR and Servicecenter would: the HR import, device
/// registration and the lifecycle steps, subscriptions, extensions, the loan pool. So the demo gets the same checks and
/// audit trail as real data. Every call has an operation key, so running it again changes nothing.
/// </summary>
internal sealed class DemoRegisterWriter(IRegisterImports imports, IDeviceRegister devices, ISubscriptionRegister subscriptions,
    IExtensionRegister extensions, ILoanPool loanPool)
{
    private const string Key = "demo-seed";
    private const string Reason = "Demodata";
    private static readonly RegisterUser System = RegisterUser.System;

    public async Task WriteAsync(DemoData data, CancellationToken ct)
    {
        var org = await imports.ImportOrgAsync(System, data.Organisation.GetRawText(), OrgExportFormat.Json, operationKey: $"{Key}:org", ct: ct);
        if (org.Refused.Count > 0)
            throw new InvalidDataException($"The demo organisation was refused: {org.Refused[0].Reason} (row {org.Refused[0].Row}).");

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var device in data.Devices) ids[device.Imei] = await RegisterAsync(device, ct);
        foreach (var s in data.Subscriptions)
            await subscriptions.CreateAsync(System, new NewSubscription(s.Msisdn, s.Operator, s.Sim, s.Usage, s.EmployeeId,
                DeviceOf(ids, s.DeviceImei), SubscriptionStatus.Active, OperatorSubscriptionId: $"demo-{s.Msisdn}"),
                $"{Key}:subscription:{s.Msisdn}", ct);
        foreach (var x in data.Extensions)
            await extensions.CreateAsync(System, new NewExtension(x.Number, x.Switchboard, x.EmployeeId, DeviceOf(ids, x.DeviceImei),
                    SwitchboardExtensionId: $"demo-{x.Switchboard}-{x.Number}"),
                $"{Key}:extension:{x.Switchboard}:{x.Number}", ct);
        // Minimums come last: set before the pool is filled, the first device added would count as a drop below it and raise an alert.
        foreach (var m in data.LoanPoolMinimums)
            await loanPool.SetMinimumAsync(System, m.Model, m.Minimum, $"{Key}:minimum:{m.Model}", ct);
    }

    private async Task<Guid> RegisterAsync(DemoDevice d, CancellationToken ct)
    {
        var key = $"{Key}:device:{d.Imei}";
        var device = new NewDevice(d.Imei, d.Serial, d.Model, d.Type, Ownership.Bought, d.PurchaseDate, d.PriceSek, d.UnitId);
        var id = (await devices.RegisterAsync(System, device, $"{key}:register", ct)).Id;
        if (d.LoanPool)
        {
            await loanPool.AddAsync(System, id, d.LoanPoolSite, $"{key}:loan-pool", ct);
            // Loan phones are Servicecenter's, managed in MDM between loans, so they can be wiped when they come back.
            await devices.RecordMdmAsync(System, id, Managed(id), $"{key}:mdm", ct);
        }
        if (d.AssignedTo is { } employeeId) await HandOutAsync(id, employeeId, key, ct);
        return id;
    }

    /// <summary>The steps ordering takes: reserved, enrolled in MDM with a region-managed account (activation lock held by MDM), assigned.</summary>
    private async Task HandOutAsync(Guid id, string employeeId, string key, CancellationToken ct)
    {
        await devices.SetStatusAsync(System, id, DeviceStatus.Reserved, Reason, $"{key}:reserve", ct);
        await devices.SetStatusAsync(System, id, DeviceStatus.Enrolled, Reason, $"{key}:enrol", ct);
        await devices.RecordMdmAsync(System, id, Managed(id), $"{key}:mdm", ct);
        await devices.AssignAsync(System, id, employeeId, $"{key}:assign", ct);
    }

    /// <summary>Enrolled with a region-managed account; the demo's MDM knows the device under the register's id.</summary>
    private static MdmReport Managed(Guid id) => new(MdmState.Enrolled, ManagedAccount: true, ActivationLock.On, MdmDeviceId: id.ToString());

    private static Guid? DeviceOf(Dictionary<string, Guid> ids, string? imei) =>
        imei is null ? null
        : ids.TryGetValue(imei, out var id) ? id
        : throw new InvalidDataException($"The demo data links to device {imei}, which it does not list.");
}
