using System.Globalization;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

/// <summary>
/// Picks an agreement's fields out of the process variables the draft task left (the model passes all of <c>vars</c>):
/// the names of <see cref="RemoteWorkAgreementDraft"/>, everything else ignored. The service judges the values; a
/// missing one comes out as blank or zero and the service's refusal names it.
/// </summary>
internal static class AgreementFields
{
    /// <summary>Variables that may hold a personnummer in plain text, to be cleared once it is stored encrypted.</summary>
    public static readonly string[] PersonalNumberVariables = ["personalNumber", "personnummer"];

    public static RemoteWorkAgreementDraft Draft(JsonObject vars, string employeeId) => new(
        employeeId,
        PersonalNumberVariables.Select(vars.Text).FirstOrDefault(n => n is not null),
        vars.Text("workplace") ?? "",
        Date(vars.Text("startDate")) ?? DateOnly.MinValue,
        Date(vars.Text("endDate")),
        Int(vars.Text("remoteDaysPerWeek")),
        Int(vars.Text("officeDaysPerWeek")),
        vars["terms"] is JsonObject terms ? Terms(terms) : null,
        vars["equipment"] is JsonArray equipment ? [.. equipment.Select(Equipment)] : null,
        vars["noticePeriod"] is JsonObject notice && Enum.TryParse<NoticeUnit>(notice.Text("unit"), out var unit)
            ? new NoticePeriod(Int(notice.Text("value")), unit) : null);

    private static RemoteWorkTerms Terms(JsonObject t) => new(t.Text("workingHours") ?? "", t.Text("availability") ?? "",
        t.Text("absenceRoutine") ?? "", t.Text("meetingAttendance") ?? "", t.Text("tasks") ?? "", t.Text("resultFollowUp") ?? "",
        t.Text("connection") ?? "");

    /// <summary>A device id, or {deviceId, note}.</summary>
    private static EquipmentLine Equipment(JsonNode? item) => item is JsonObject o
        ? new EquipmentLine(Guid.Parse(o.Text("deviceId") ?? ""), o.Text("note"))
        : new EquipmentLine(Guid.Parse(item?.GetValue<string>() ?? ""), null);

    /// <summary>A date, or a date-time whose Swedish date is meant (a date picker may send midnight UTC).</summary>
    private static DateOnly? Date(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) is var at ? DateOnly.FromDateTime(at.UtcDateTime) : null;

    private static int Int(string? text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
