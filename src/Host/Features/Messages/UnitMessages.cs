using System.Security.Claims;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Engine.Privacy;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Messages;

/// <param name="Channels"><c>email</c> and/or <c>push</c>.</param>
public sealed record UnitMessageRequest(string? UnitId, string? Title, string? Body, bool Urgent, IReadOnlyList<string>? Channels);

/// <summary>A field of <see cref="UnitMessageRequest"/> that is wrong; <see cref="Code"/> names the problem for the page's texts.</summary>
public sealed class UnitMessageInvalidException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
}

public enum RecipientState { Sending, Held, Delivered, Failed }

/// <param name="Reason">Why a channel failed, as a code (<c>no-address</c>, <c>no-device</c>, <c>mdm-…</c>, <c>technical</c>); never the outside system's words.</param>
public sealed record ChannelDelivery(string Channel, bool Delivered, DateTimeOffset? At, string? Reason);

public sealed record UnitMessageRecipient(string EmployeeId, string Name, RecipientState State, DateTimeOffset? HeldUntil,
    IReadOnlyList<ChannelDelivery> Deliveries);

public sealed record UnitMessageView(Guid Id, string UnitId, string UnitName, string Title, string Body, bool Urgent,
    IReadOnlyList<string> Channels, DateTimeOffset SentAt, string SentBy, IReadOnlyList<UnitMessageRecipient> Recipients);

/// <summary>
/// Meddelande till enheten: a manager's work message to everyone in one of their units, by e-mail and/or Company Portal
/// push. The <c>notification-hours</c> policy decides per person whether it goes now or waits for their next working time;
/// each person's copy is an instance of the <c>unit-message</c> workflow (business key = the message id), which waits on a
/// durable timer when held, so nothing is lost on a restart. The page and the API both come here.
/// </summary>
public sealed class UnitMessages(IRegisterDirectory directory, NotificationHours hours, IWorkflowEngine engine, IWorkflowQueries queries,
    TimeProvider time)
{
    public const string Process = "unit-message";
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 2000;

    /// <summary>More people than any unit has; a message's copies are read in one query up to this many.</summary>
    private const int MaxRecipients = 5000;

    /// <summary>The units the caller manages (and those below them), by name.</summary>
    public async Task<IReadOnlyList<UnitInfo>> UnitsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var units = new List<UnitInfo>();
        foreach (var id in await directory.UnitsManagedByAsync(user.ToCaller().UserName, ct))
            if (await directory.FindUnitAsync(id, ct) is { } unit) units.Add(unit);
        return units.OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <returns>The message's id, for <see cref="GetAsync"/>.</returns>
    /// <exception cref="UnitMessageInvalidException">Nothing is sent.</exception>
    /// <exception cref="ForbiddenException">The unit is not one the caller manages; nothing is sent.</exception>
    public async Task<Guid> SendAsync(ClaimsPrincipal user, UnitMessageRequest request, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var (title, body, channels) = Validate(request);
        var managed = await directory.UnitsManagedByAsync(caller.UserName, ct);
        if (!managed.Contains(request.UnitId!))
            throw new ForbiddenException("You can send messages only to units you manage.");
        var unit = await directory.FindUnitAsync(request.UnitId!, ct)
            ?? throw new ForbiddenException("You can send messages only to units you manage.");
        var people = await directory.PeopleInUnitsAsync([unit.Id], ct);
        if (people.Count == 0)
            throw new UnitMessageInvalidException("unitId", "NoPeople", "The unit has nobody to send to.");

        var sender = await directory.FindPersonByUserNameAsync(caller.UserName, ct);
        var id = Guid.NewGuid();
        var sentAt = time.GetUtcNow();
        // Every person's plan is decided before anything starts, so a broken rule set sends to nobody rather than to some.
        var plans = new List<(PersonInfo Person, NotificationPlan Plan)>();
        foreach (var person in people.OrderBy(p => p.Name, StringComparer.CurrentCulture))
            plans.Add((person, await hours.DecideAsync(MailRecipients.HoursOf(person), request.Urgent, ct)));
        foreach (var (person, plan) in plans)
        {
            var variables = new JsonObject
            {
                ["messageId"] = id.ToString(),
                ["unitId"] = unit.Id,
                ["unitName"] = unit.Name,
                ["title"] = title,
                ["body"] = body,
                ["urgent"] = request.Urgent,
                ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]),
                ["senderName"] = sender?.Name ?? caller.UserName,
                ["sentAt"] = sentAt.ToString("O"),
                ["employeeId"] = person.EmployeeId,
                ["recipientName"] = person.Name,
                ["decision"] = new JsonObject
                {
                    ["set"] = plan.Decision.Set, ["version"] = plan.Decision.Version, ["outcome"] = plan.Decision.Outcome,
                    ["reasons"] = new JsonArray([.. plan.Decision.Reasons.Select(r => new JsonObject { ["rule"] = r.Rule, ["message"] = r.Message })]),
                },
            };
            if (plan.HeldUntil is { } until) variables["heldUntil"] = until.ToString("O");
            await engine.StartAsync(new StartInstance(Process, id.ToString(), variables), caller, ct);
        }
        return id;
    }

    /// <summary>The message and where each person's copy stands; null when it does not exist or is not the caller's.</summary>
    public async Task<UnitMessageView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var instances = await queries.ListInstancesAsync(
            new InstanceQuery(Process, StartedBy: caller.IsAdmin ? null : caller.UserName, Max: MaxRecipients, BusinessKey: id.ToString()), caller, ct);
        if (instances.Count == 0) return null;
        var first = instances[0].Variables;
        return new UnitMessageView(id, Text(first, "unitId"), Text(first, "unitName"), Text(first, "title"), Text(first, "body"),
            first["urgent"]?.GetValue<bool>() == true,
            first["channels"]?.AsArray().Select(c => c!.GetValue<string>()).ToList() ?? [],
            Instant(first, "sentAt") ?? instances[0].StartedAt, instances[0].StartedBy,
            instances.Select(Recipient).OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList());
    }

    private static UnitMessageRecipient Recipient(InstanceView instance)
    {
        var vars = instance.Variables;
        var deliveries = (vars["deliveries"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => new ChannelDelivery(Text(d, "channel"), Text(d, "status") == "delivered", Instant(d, "at"), d["reason"]?.GetValue<string>()))
            .ToList();
        var state = instance switch
        {
            { Status: nameof(InstanceStatus.Completed) } => deliveries.Any(d => d.Delivered) ? RecipientState.Delivered : RecipientState.Failed,
            { Status: nameof(InstanceStatus.Faulted) or nameof(InstanceStatus.Cancelled) or nameof(InstanceStatus.Terminated) } => RecipientState.Failed,
            _ when instance.ActiveElements.Contains("hold") => RecipientState.Held,
            _ => RecipientState.Sending,
        };
        if (state == RecipientState.Failed && deliveries.Count == 0)
            deliveries = [new ChannelDelivery("", false, null, "technical")];
        return new UnitMessageRecipient(Text(vars, "employeeId"), Text(vars, "recipientName"), state,
            state == RecipientState.Held ? Instant(vars, "heldUntil") : null, deliveries);
    }

    private static (string Title, string Body, IReadOnlyList<string> Channels) Validate(UnitMessageRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UnitId))
            throw new UnitMessageInvalidException("unitId", "UnitRequired", "Choose the unit.");
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0)
            throw new UnitMessageInvalidException("title", "TitleRequired", "Write a title.");
        if (title.Length > MaxTitleLength)
            throw new UnitMessageInvalidException("title", "TitleTooLong", $"The title may have at most {MaxTitleLength} characters.");
        var body = request.Body?.Trim() ?? "";
        if (body.Length == 0)
            throw new UnitMessageInvalidException("body", "BodyRequired", "Write the message.");
        if (body.Length > MaxBodyLength)
            throw new UnitMessageInvalidException("body", "BodyTooLong", $"The message may have at most {MaxBodyLength} characters.");
        // The text goes into every copy's process variables, and a start with a personnummer in them is refused.
        if (PersonalNumberText.Contains(title))
            throw new UnitMessageInvalidException("title", "PersonalNumber", "A message must not hold a personnummer.");
        if (PersonalNumberText.Contains(body))
            throw new UnitMessageInvalidException("body", "PersonalNumber", "A message must not hold a personnummer.");
        var channels = (request.Channels ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (channels.Count == 0 || channels.Any(c => c is not (UnitMessageChannels.Email or UnitMessageChannels.Push)))
            throw new UnitMessageInvalidException("channels", "ChannelsRequired", "Choose e-mail, push or both.");
        return (title, body, channels);
    }

    private static string Text(JsonObject o, string name) => o[name]?.GetValue<string>() ?? "";

    private static DateTimeOffset? Instant(JsonObject o, string name) =>
        o[name]?.GetValue<string>() is { } s && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? t : null;
}
