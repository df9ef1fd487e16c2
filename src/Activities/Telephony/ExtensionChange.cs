using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Activities.Telephony;

/// <summary>
/// A change of an extension the register knows (move, remove): the switchboard's id from the register record,
/// the switchboard call, then the register's own change under a key derived from the job's.
/// </summary>
internal static class ExtensionChange
{
    /// <param name="action">Verb for messages and the journal, e.g. "remove".</param>
    public static async Task<ActivityResult> ApplyAsync(IExtensionRegister extensions, ActivityContext context, string action,
        Func<string, Task<Extension>> send, Func<ExtensionView, string, Task> record, CancellationToken ct)
    {
        var extension = await extensions.GetAsync(RegisterUser.System, context.RequiredGuid("extensionId"), ct);
        var what = $"{action} extension {extension.Id}";
        var switchboardId = extension.SwitchboardExtensionId ?? throw ExternalCall.Unknown(AdapterSystems.Telephony, what);
        var after = await ExternalCall.RunAsync(what, () => send(switchboardId));
        await record(extension, context.RegisterKey("record"));
        return ActivityInputs.Outputs().Noted($"Switchboard: {what} (switchboard extension {switchboardId}): {after.Status}.");
    }

    /// <summary>The unit the switchboard files a person's extension under; a person without one is a fault of the data.</summary>
    public static string UnitOf(PersonInfo person) =>
        person.UnitId ?? throw new InvalidOperationException($"Employee {person.EmployeeId} has no unit in the register; the switchboard needs one.");
}
