using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// The notice period has run out. The service has no status after Terminated (an agreement stops counting as in force
/// after its end date by itself), so this checks the agreement really is terminated and has reached its end date, and
/// journals the end; anything else is a technical failure (the model's timer and the record disagree).
/// </summary>
[Activity("Agreement.End", Category = "WorkEnvironment", DisplayNameSv = "Avsluta avtalet", DisplayNameEn = "End agreement",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Avtalet har upphört när uppsägningstiden löpt ut.", DescriptionEn = "The agreement has ended when the notice period ran out.")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
public sealed class EndAgreementActivity(IRemoteWorkAgreementService agreements, TimeProvider time) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var view = await agreements.GetAsync(context.RequiredGuid("agreementId"), RegisterUser.System, ct);
        if (view.Status != RemoteWorkStatus.Terminated || view.EndDate is not { } end || end > SwedishCalendar.Today(time))
            throw new InvalidOperationException($"Agreement {view.Id} is {view.Status}, ending {view.EndDate:yyyy-MM-dd}: it has not ended yet.");
        return ActivityResult.Empty with { JournalNote = $"Agreement {view.Id} ended {end:yyyy-MM-dd}" };
    }
}
