using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Policy;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Sends a mail from a Liquid template. Reachability: the notification-hours policy decides whether it
/// may go now; a non-urgent mail outside the recipient's working hours is deferred (the job rests on a
/// durable timer) until their next working time and then sent with the same message id.
/// A template fault is a technical failure (incident), caught before any deferral; a person without an
/// e-mail address is the BPMN error <c>no-recipient-address</c>, which a model can catch.
/// The journal names template and employee ids, never addresses or contents.
/// </summary>
[Activity("Notify.Email", Category = "Notify", DisplayNameSv = "Skicka e-post", DisplayNameEn = "Send e-mail",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Skickar ett e-postmeddelande från en mall; icke brådskande post väntar till mottagarens arbetstid.",
    DescriptionEn = "Sends an e-mail from a template; non-urgent mail waits for the recipient's working hours.")]
[ActivityInput("to", ActivityValueType.String, Required = true,
    DescriptionSv = "Mottagarens anställningsnummer (eller en e-postadress)", DescriptionEn = "The recipient's employee id (or an e-mail address)")]
[ActivityInput("template", ActivityValueType.String, Required = true,
    DescriptionSv = "Mallens namn i workflows/templates, t.ex. order-approved", DescriptionEn = "Template name in workflows/templates, e.g. order-approved")]
[ActivityInput("model", ActivityValueType.Object,
    DescriptionSv = "Värden som mallen visar, t.ex. {device: {model: …}}", DescriptionEn = "Values the template shows, e.g. {device: {model: …}}")]
[ActivityInput("urgent", ActivityValueType.Boolean,
    DescriptionSv = "Brådskande: skickas även utanför arbetstid (standard nej)", DescriptionEn = "Urgent: sent even outside working hours (default no)")]
[ActivityInput("cc", ActivityValueType.Array,
    DescriptionSv = "Kopia till: anställningsnummer eller e-postadresser", DescriptionEn = "Copy to: employee ids or e-mail addresses")]
[ActivityOutput("messageId", ActivityValueType.String, DescriptionSv = "Meddelandets Message-Id", DescriptionEn = "The message's Message-Id")]
[ActivityOutput("sentAt", ActivityValueType.Date, DescriptionSv = "När det skickades", DescriptionEn = "When it was sent")]
public sealed class NotifyEmailActivity(MailTemplates templates, MailRecipients recipients, MailComposer composer, IMailSender sender,
    NotificationHours hours, ILogger<NotifyEmailActivity> logger) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var template = context.RequiredString("template");
        var to = await recipients.ResolveAsync(context.RequiredString("to"), ct);
        var cc = new List<MailRecipient>();
        foreach (var copy in context.StringList("cc"))
            cc.Add(await recipients.ResolveAsync(copy.Trim(), ct));
        // Rendered before the policy is asked, so a broken template fails now, not at the next working time.
        var mail = await templates.RenderAsync(template, Model(context, to), ct);

        var plan = await hours.DecideAsync(to.Hours, context.OptionalBool("urgent"), ct);
        var decision = plan.Decision;
        if (plan.HeldUntil is { } until)
            throw new ActivityDeferredException(until, $"{PolicyEvaluateActivity.Note(decision)}; template {template} to {to.Label}");

        var receipt = await sender.SendAsync(composer.Compose(context.IdempotencyKey, to, cc, mail), ct);
        logger.LogInformation("Mail {MessageId} from template {Template} for {Recipient}", receipt.MessageId, template, to.Label);
        return ActivityInputs.Outputs(("messageId", receipt.MessageId), ("sentAt", receipt.SentAt)) with
        {
            JournalNote = $"Mail from template {template} to {to.Label}{(cc.Count > 0 ? $" (cc {string.Join(", ", cc.Select(c => c.Label))})" : "")}: "
                + $"{(receipt.AlreadySent ? "already sent" : "sent")} ({PolicyEvaluateActivity.Note(decision)})",
        };
    }

    /// <summary>The model, with <c>recipient</c> ({name, employeeId}) added unless the model sets it itself.</summary>
    private static JsonObject Model(ActivityContext context, MailRecipient to)
    {
        var model = context.Input("model") switch
        {
            null => [],
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => throw new InvalidOperationException("Notify.Email's input 'model' must be an object."),
        };
        if (!model.ContainsKey("recipient"))
            model["recipient"] = new JsonObject { ["name"] = to.Name ?? "", ["employeeId"] = to.EmployeeId };
        return model;
    }
}
