using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Delivers a manager's message to one person, by e-mail and/or as a Company Portal notification on their phone.
/// Whether it may go now was decided before (the workflow waits on a timer until the person's working time), so this
/// sends at once. A channel that cannot reach the person (no e-mail address, no managed device, the MDM refuses) is
/// reported as failed with a code, and the other channel still goes; an outage is retried by the engine, and the same
/// idempotency key keeps a retried e-mail from being sent twice.
/// </summary>
[Activity("Notify.UnitMessage", Category = "Notify", DisplayNameSv = "Skicka meddelande till person", DisplayNameEn = "Send message to person",
    Execution = ActivityExecution.Job,
    DescriptionSv = "Skickar en chefs meddelande till en person med e-post och/eller pushnotis i Företagsportalen.",
    DescriptionEn = "Sends a manager's message to one person by e-mail and/or as a Company Portal push notification.")]
[ActivityInput("to", ActivityValueType.String, Required = true, DescriptionSv = "Mottagarens anställningsnummer", DescriptionEn = "The recipient's employee id")]
[ActivityInput("title", ActivityValueType.String, Required = true, DescriptionSv = "Rubrik", DescriptionEn = "Title")]
[ActivityInput("body", ActivityValueType.String, Required = true, DescriptionSv = "Text", DescriptionEn = "Text")]
[ActivityInput("channels", ActivityValueType.Array, Required = true, DescriptionSv = "Kanaler: email, push", DescriptionEn = "Channels: email, push")]
[ActivityInput("sender", ActivityValueType.String, DescriptionSv = "Avsändarens namn", DescriptionEn = "The sender's name")]
[ActivityInput("unit", ActivityValueType.String, DescriptionSv = "Enhetens namn", DescriptionEn = "The unit's name")]
[ActivityOutput("deliveries", ActivityValueType.Array, DescriptionSv = "Per kanal: status, tid, orsak", DescriptionEn = "Per channel: status, time, reason")]
public sealed class UnitMessageActivity(MailRecipients recipients, MailTemplates templates, MailComposer composer, IMailSender mail,
    IMdmClient mdm, IRegisterDirectory directory, IOptions<MdmOptions> mdmOptions, TimeProvider time, ILogger<UnitMessageActivity> logger) : IActivity
{
    public const string Template = "unit-message";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var to = context.RequiredString("to");
        var channels = context.RequiredStringList("channels");
        if (channels.Count == 0 || channels.Any(c => c is not (UnitMessageChannels.Email or UnitMessageChannels.Push)))
            throw new InvalidOperationException("Notify.UnitMessage's channels must be 'email' and/or 'push'.");

        var deliveries = new JsonArray();
        if (channels.Contains(UnitMessageChannels.Email)) deliveries.Add(await EmailAsync(context, to, ct));
        if (channels.Contains(UnitMessageChannels.Push)) deliveries.Add(await PushAsync(context, to, ct));
        var summary = string.Join(", ", deliveries.Select(d => $"{d!["channel"]} {d["status"]}{(d["reason"] is { } r ? $" ({r})" : "")}"));
        logger.LogInformation("Unit message to {Recipient}: {Summary}", to, summary);
        return ActivityInputs.Outputs(("deliveries", deliveries)) with { JournalNote = $"Message to {to}: {summary}" };
    }

    private async Task<JsonObject> EmailAsync(ActivityContext context, string to, CancellationToken ct)
    {
        MailRecipient recipient;
        try
        {
            recipient = await recipients.ResolveAsync(to, ct);
        }
        catch (BpmnErrorException e) when (e.Code == MailRecipients.NoAddressError)
        {
            return Failed(UnitMessageChannels.Email, "no-address");
        }
        var model = new JsonObject
        {
            ["title"] = context.RequiredString("title"),
            ["body"] = context.RequiredString("body"),
            ["sender"] = context.OptionalString("sender") ?? "",
            ["unit"] = context.OptionalString("unit") ?? "",
            ["recipient"] = new JsonObject { ["name"] = recipient.Name ?? "", ["employeeId"] = recipient.EmployeeId },
        };
        var rendered = await templates.RenderAsync(Template, model, ct);
        var receipt = await mail.SendAsync(composer.Compose(context.OperationKey("email"), recipient, [], rendered), ct);
        return Delivered(UnitMessageChannels.Email, receipt.SentAt);
    }

    private async Task<JsonObject> PushAsync(ActivityContext context, string to, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(to, ct)
            ?? throw new InvalidOperationException($"Message recipient {to} is not in the register.");
        var devices = await directory.DevicesAssignedToAsync(to, ct);
        // Company Portal runs on a managed device in the person's hands; without one nothing would show.
        if (!devices.Any(d => d.Status is DeviceStatus.Assigned or DeviceStatus.OnLoan))
            return Failed(UnitMessageChannels.Push, "no-device");
        var notification = new MdmNotification(Shorten(context.RequiredString("title"), MdmNotification.MaxTitleLength),
            Shorten(context.RequiredString("body"), MdmNotification.MaxBodyLength),
            [mdmOptions.Value.PersonGroupOf(person.EmployeeId, person.UserName)]);
        try
        {
            var result = await mdm.SendNotificationAsync(notification, context.OperationKey("push"), ct);
            return Delivered(UnitMessageChannels.Push, result.SentAt);
        }
        catch (AdapterRejectedException e)
        {
            // The MDM's own words may name people or devices: only its code is kept.
            return Failed(UnitMessageChannels.Push, $"mdm-{e.Code}");
        }
    }

    /// <summary>A push notification is a pointer to the e-mail, so a long text is cut with an ellipsis rather than refused.</summary>
    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private JsonObject Delivered(string channel, DateTimeOffset at) =>
        new() { ["channel"] = channel, ["status"] = "delivered", ["at"] = (at == default ? time.GetUtcNow() : at).ToString("O") };

    private static JsonObject Failed(string channel, string reason) =>
        new() { ["channel"] = channel, ["status"] = "failed", ["reason"] = reason };
}

/// <summary>The channels of a unit message, as the workflow and the API name them.</summary>
public static class UnitMessageChannels
{
    public const string Email = "email";
    public const string Push = "push";
}
