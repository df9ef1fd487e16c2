using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Reads the risks, measures and participants a task form gave: each item a text or an object. A text risk or measure is
/// its description (a risk of medium level); a text participant is a user name or a name: a register user brings their
/// name and role (a safety representative counts as one), anyone else takes part as Other. Objects use the service's
/// field names ({topic, description, level}, {description, responsible, due}, {name | userName, role}).
/// </summary>
public sealed class AssessmentContent(IRegisterDirectory directory)
{
    public static IReadOnlyList<RiskItem> Risks(JsonArray items) => [.. items.Select(item => item switch
    {
        JsonObject o => new RiskItem(o.Text("topic") ?? o.Text("description") ?? "", o.Text("description") ?? o.Text("topic") ?? "",
            Enum.TryParse<RiskLevel>(o.Text("level"), out var level) ? level : RiskLevel.Medium),
        _ => new RiskItem(Text(item), Text(item), RiskLevel.Medium),
    })];

    public static IReadOnlyList<RiskMeasure> Measures(JsonArray items) => [.. items.Select(item => item switch
    {
        JsonObject o => new RiskMeasure(o.Text("description") ?? "", o.Text("responsible"),
            DateOnly.TryParse(o.Text("due"), System.Globalization.CultureInfo.InvariantCulture, out var due) ? due : null),
        _ => new RiskMeasure(Text(item), null, null),
    })];

    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(JsonArray items, CancellationToken ct)
    {
        var participants = new List<Participant>();
        foreach (var item in items)
        {
            var o = item as JsonObject;
            var given = o is null ? Text(item) : o.Text("userName") ?? o.Text("name") ?? "";
            var person = await directory.FindPersonByUserNameAsync(given, ct);
            var role = Enum.TryParse<ParticipantRole>(o?.Text("role"), out var r) ? r : person is null ? ParticipantRole.Other : RoleOf(person);
            participants.Add(new Participant(o?.Text("name") ?? person?.Name ?? given, role));
        }
        return participants;
    }

    private static ParticipantRole RoleOf(PersonInfo person) =>
        person.Roles.Contains(RegisterRoles.SafetyRep) ? ParticipantRole.SafetyRep
        : person.Roles.Contains(RegisterRoles.Manager) ? ParticipantRole.Manager
        : person.Roles.Contains(RegisterRoles.HR) ? ParticipantRole.HR
        : ParticipantRole.Employee;

    private static string Text(JsonNode? item) => item is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : item?.ToJsonString() ?? "";
}
