namespace RJH.DeviceWorkflows.Engine.Activities.BuiltIn;

/// <summary>Raises a BPMN error with the code of input <c>code</c> (and optional <c>message</c>).</summary>
[Activity("Fail", Category = "Engine", DisplayNameSv = "Kasta fel", DisplayNameEn = "Raise error",
    DescriptionSv = "Kastar ett BPMN-fel som en felhändelse på gränsen kan fånga.", DescriptionEn = "Raises a BPMN error that an error boundary event can catch.")]
[ActivityInput("code", ActivityValueType.String, Required = true, DescriptionSv = "Felkod", DescriptionEn = "Error code")]
[ActivityInput("message", ActivityValueType.String, DescriptionSv = "Meddelande", DescriptionEn = "Message")]
internal sealed class FailActivity : IActivity
{
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var code = context.Input("code")?.ToString();
        if (string.IsNullOrWhiteSpace(code))
            throw new InvalidOperationException("The Fail activity needs an input 'code'.");
        throw new BpmnErrorException(code, context.Input("message")?.ToString());
    }
}
