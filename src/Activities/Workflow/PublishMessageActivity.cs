using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Activities.Workflow;

/// <summary>
/// Delivers a message to every instance waiting for it under each correlation key (e.g. an approved risk
/// assessment releases the orders of its units). A job: the other instances change in commands of their
/// own, after this instance's step has committed.
/// </summary>
[Activity("Workflow.PublishMessage", Category = "Workflow", DisplayNameSv = "Skicka meddelande till processer",
    DisplayNameEn = "Publish message to processes", Execution = ActivityExecution.Job,
    DescriptionSv = "Levererar ett meddelande till väntande processer, en gång per korrelationsnyckel.",
    DescriptionEn = "Delivers a message to waiting processes, once per correlation key.")]
[ActivityInput("name", ActivityValueType.String, Required = true, DescriptionSv = "Meddelandets namn", DescriptionEn = "Message name")]
[ActivityInput("correlationKeys", ActivityValueType.Array, Required = true, DescriptionSv = "Korrelationsnycklar", DescriptionEn = "Correlation keys")]
[ActivityInput("variables", ActivityValueType.Object, DescriptionSv = "Variabler som följer med", DescriptionEn = "Variables sent along")]
[ActivityOutput("delivered", ActivityValueType.Number, DescriptionSv = "Antal processer som tog emot det", DescriptionEn = "How many processes received it")]
public sealed class PublishMessageActivity(IWorkflowEngine engine) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var name = context.RequiredString("name");
        var variables = context.Input("variables") as JsonObject;
        var delivered = 0;
        // A retried job delivers again only to instances still waiting: one that got it has moved on.
        foreach (var key in context.StringList("correlationKeys").Distinct(StringComparer.Ordinal))
            delivered += await engine.CorrelateMessageAsync(name, key, variables, Caller.System, ct);
        return ActivityInputs.Outputs(("delivered", delivered));
    }
}
