using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.ExternalSystems;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Activities.Mdm;

/// <summary>
/// Puts a reserved device under the region's management for the person: the MDM assigns it to their account (the
/// e-mail address is the user principal name) with the RJH profile. The register keeps the MDM's id (which lock,
/// wipe and retire need) and moves the device Reserved → Enrolled.
/// <para>
/// While the MDM has not seen the device (<see cref="MdmEnrollmentStatus.Pending"/>: not yet switched on) the step
/// fails with a plain exception, so the engine retries it with back-off and the same key, and raises an incident
/// when the retries run out: someone should then check that the device was started.
/// </para>
/// </summary>
[Activity("Mdm.EnrollDevice", Category = "Mdm", DisplayNameSv = "Registrera i MDM", DisplayNameEn = "Enrol in MDM",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Knyter enheten till medarbetarens konto med RJH-profilen och regionens hanterade konto; Reserverad → Registrerad. Försöks igen tills MDM har sett enheten.",
    DescriptionEn = "Assigns the device to the employee's account with the RJH profile and the region-managed account; Reserved → Enrolled. Retried until the MDM has seen the device.")]
[ActivityInput("deviceId", ActivityValueType.String, Required = true, DescriptionSv = "Enhetens id i registret", DescriptionEn = "The device's register id")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Medarbetarens anställningsnummer", DescriptionEn = "The employee's id")]
[ActivityOutput("mdmDeviceId", ActivityValueType.String, DescriptionSv = "Enhetens id i MDM", DescriptionEn = "The device's MDM id")]
public sealed class EnrollDeviceActivity(IMdmClient mdm, IDeviceRegister devices, IRegisterDirectory directory) : IActivity
{
    private static readonly MdmReport Enrolled = new(MdmState.Enrolled, ManagedAccount: true, ActivationLock: null);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var device = await devices.GetAsync(RegisterUser.System, context.RequiredGuid("deviceId"), ct);
        var employeeId = context.RequiredString("employeeId");
        var person = await directory.RequirePersonAsync(employeeId, ct);
        var userPrincipalName = person.Email
            ?? throw new InvalidOperationException($"Employee {employeeId} has no e-mail address in the register; the MDM needs it as the user name.");

        var enrollment = await ExternalCall.RunAsync($"enrol device {device.Id}", () =>
            mdm.EnrollDeviceAsync(new MdmEnrollmentRequest(device.Imei, device.Serial, userPrincipalName), context.IdempotencyKey, ct));
        if (enrollment is not { Status: MdmEnrollmentStatus.Enrolled, DeviceId: { } mdmDeviceId })
            throw new InvalidOperationException(
                $"The MDM has not seen device {device.Id} yet (enrolment pending): it must be switched on; the step is retried.");

        await devices.RecordEnrolmentAsync(RegisterUser.System, device.Id, Enrolled with { MdmDeviceId = mdmDeviceId },
            context.RegisterKey("enrol"), ct);
        return ActivityInputs.Outputs(("mdmDeviceId", mdmDeviceId))
            .Noted($"MDM: enrolled device {device.Id} for employee {employeeId} as MDM device {mdmDeviceId}.");
    }
}
