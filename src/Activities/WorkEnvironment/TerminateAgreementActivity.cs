using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Gives notice today: the service ends the agreement when its notice period allows (or on its own earlier end date).
/// <c>endsAt</c> is 00:00 Swedish time of that end date, as a UTC instant for the model's timer.
/// </summary>
[Activity("Agreement.Terminate", Category = "WorkEnvironment", DisplayNameSv = "Säg upp avtalet", DisplayNameEn = "Terminate agreement",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Säger upp avtalet; endsAt är när uppsägningstiden löper ut.", DescriptionEn = "Terminates the agreement; endsAt is when the notice period ends.")]
[ActivityInput("agreementId", ActivityValueType.String, Required = true, DescriptionSv = "Avtalets id", DescriptionEn = "The agreement's id")]
[ActivityOutput("endsAt", ActivityValueType.Date, DescriptionSv = "Slutdagens början (ISO 8601, UTC)", DescriptionEn = "Start of the end date (ISO 8601, UTC)")]
public sealed class TerminateAgreementActivity(IRemoteWorkAgreementService agreements) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var view = await agreements.TerminateAsync(context.RequiredGuid("agreementId"), new TerminationRequest(null), RegisterUser.System,
            context.IdempotencyKey, ct);
        var end = view.EndDate ?? throw new InvalidOperationException($"Agreement {view.Id} was terminated without an end date.");
        return ActivityInputs.Outputs(("endsAt", SwedishCalendar.StartOf(end).ToString("O"))) with { JournalNote = $"Agreement {view.Id} ends {end:yyyy-MM-dd}" };
    }
}
