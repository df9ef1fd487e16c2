using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
using RJH.DeviceWorkflows.Activities.Policy;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Queues a mail from a Liquid template in the mail outbox and completes at once: the process never waits for
/// the mail. Reachability: the notification-hours policy decides when it may go; a non-urgent mail outside the
/// recipient's working hours is queued for their next working time, any other for now. Inline, so the queued mail
/// commits or rolls back with the engine command that ran the step; the mail job sends it (same message id on
/// every attempt, never twice).
/// A template fault is a technical failure (incident), caught before anything is queued; a person without an
/// e-mail address is the BPMN error <c>no-recipient-address</c>, which a model can catch.
/// The journal names template and employee ids, never addresses or contents.
/// </summary>
[Activity("Notify.Email", Category = "Notify", DisplayNameSv = "Skicka e-post", DisplayNameEn = "Send e-mail",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Lägger ett e-postmeddelande från en mall i utkorgen; icke brådskande post skickas i mottagarens arbetstid.",
    DescriptionEn = "Queues an e-mail from a template in the outbox; non-urgent mail is sent in the recipient's working hours.")]
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
[ActivityOutput("sendAt", ActivityValueType.Date, DescriptionSv = "När det skickas", DescriptionEn = "When it is sent")]
public sealed class NotifyEmailActivity(MailTemplates templates, MailRecipients recipients, MailComposer composer, IMailOutbox outbox,
    NotificationHours hours, TimeProvider time, ILogger<NotifyEmailActivity> logger) : IActivity
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var template = context.RequiredString("template");
        var to = await recipients.ResolveAsync(context.RequiredString("to"), ct);
        var cc = new List<MailRecipient>();
        foreach (var copy in context.StringList("cc"))
            cc.Add(await recipients.ResolveAsync(copy.Trim(), ct));
        // Rendered before anything is queued, so a broken template fails the step now, not at the next working time.
        var mail = await templates.RenderAsync(template, Model(context, to), ct);

        var plan = await hours.DecideAsync(to.Hours, context.OptionalBool("urgent"), ct);
        var sendAt = plan.HeldUntil ?? time.GetUtcNow();
        var message = composer.Compose(context.IdempotencyKey, to, cc, mail);
        await outbox.QueueAsync(context, template, to, message, sendAt, ct);
        logger.LogInformation("Mail {MessageId} from template {Template} for {Recipient} queued for {SendAt}", message.MessageId, template, to.Label, sendAt);
        return ActivityInputs.Outputs(("messageId", message.MessageId), ("sendAt", sendAt)) with
        {
            JournalNote = $"Mail from template {template} to {to.Label}{(cc.Count > 0 ? $" (cc {string.Join(", ", cc.Select(c => c.Label))})" : "")}: "
                + $"{(plan.HeldUntil is { } until ? $"held until {HeldUntil(until)}" : "queued to go now")} ({PolicyEvaluateActivity.Note(plan.Decision)})",
        };
    }

    /// <summary>"07:00 Monday 30 November 2026": Stockholm time, as the recipient's working hours are.</summary>
    internal static string HeldUntil(DateTimeOffset until) =>
        TimeZoneInfo.ConvertTime(until, Stockholm).ToString("HH:mm dddd d MMMM yyyy", CultureInfo.InvariantCulture);

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
