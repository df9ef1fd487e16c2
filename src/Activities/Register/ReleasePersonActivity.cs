using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Offboarding's last step: whatever is still linked to the person is let go, and reported in <c>stillLinked</c> (read
/// before closing) so the process shows what slipped through. Subscriptions and extensions are unlinked from the
/// person (they stay on their device); a device still held was neither returned nor reported missing, and is marked
/// Lost as offboarding does with unreturned devices (Lost ends the assignment).
/// </summary>
[Activity("Register.ReleasePerson", Category = "Register", DisplayNameSv = "Släpp kopplingar", DisplayNameEn = "Release person",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Avslutar det som fortfarande är kopplat till personen och rapporterar vad det var.",
    DescriptionEn = "Closes what is still linked to the person and reports what it was.")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityOutput("stillLinked", ActivityValueType.Object, DescriptionSv = "{devices, subscriptions, extensions}: id-listor", DescriptionEn = "{devices, subscriptions, extensions}: lists of ids")]
public sealed class ReleasePersonActivity(IOrgRegister org, IDeviceRegister devices, ISubscriptionRegister subscriptions,
    IExtensionRegister extensions) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var links = await org.LinksOfAsync(context.RequiredString("employeeId"), ct);
        var system = RegisterUser.System;
        foreach (var device in links.Devices)
            await devices.SetStatusAsync(system, device.Id, DeviceStatus.Lost, "Inte återlämnad vid avslut", context.OperationKey($"device:{device.Id}"), ct);
        foreach (var subscription in links.Subscriptions)
            await subscriptions.TransferAsync(system, subscription.Id, new Holder(null, subscription.DeviceId), context.OperationKey($"subscription:{subscription.Id}"), ct);
        foreach (var extension in links.Extensions)
            await extensions.MoveAsync(system, extension.Id, new Holder(null, extension.DeviceId), context.OperationKey($"extension:{extension.Id}"), ct);
        return ActivityInputs.Outputs(("stillLinked", new
        {
            devices = links.Devices.Select(d => d.Id), subscriptions = links.Subscriptions.Select(s => s.Id), extensions = links.Extensions.Select(x => x.Id),
        })) with { JournalNote = links.IsClear ? $"Employee {links.EmployeeId}: nothing linked" : $"Employee {links.EmployeeId}: released what was still linked" };
    }
}
