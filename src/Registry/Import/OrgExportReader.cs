using System.Text.Json;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>
/// Reads the HR export. JSON: <c>{"units":[NewUnit…],"people":[NewPerson…]}</c>. CSV: one row per person with
/// the organisation beside it (administrationId/Name, areaId/Name, unitId/Name; managesUnit marks the unit's
/// manager), plus employeeId, userName, name, email, managerEmployeeId, roles (separated by ; or |), workDays,
/// workStart, workEnd, hasOwnExtension, sharesExtension, worksAcrossLargeArea.
/// </summary>
internal static class OrgExportReader
{
    private static readonly string[] CsvRequired = ["employeeId", "userName", "name", "unitId"];

    private sealed record JsonExport(List<NewUnit>? Units, List<NewPerson>? People);

    public static OrgSnapshot ReadJson(string json)
    {
        JsonExport export;
        try
        {
            export = JsonSerializer.Deserialize<JsonExport>(json, RegisterJson.Options) ?? new JsonExport(null, null);
        }
        catch (JsonException e)
        {
            throw new RegisterValidationException("file", $"Filen är inte giltig JSON för HR-exporten (rad {e.LineNumber + 1}).");
        }
        var units = (export.Units ?? []).Select((u, i) => new ImportRow<NewUnit>(i + 1, u)).ToList();
        var people = (export.People ?? []).Select((p, i) => new ImportRow<NewPerson>(i + 1, p)).ToList();
        return new OrgSnapshot(units, people, [], people.Select(p => p.Value.EmployeeId).OfType<string>().ToHashSet(StringComparer.Ordinal));
    }

    public static OrgSnapshot ReadCsv(string text, int maxRows)
    {
        var rows = CsvTable.Read(text, CsvRequired, maxRows);
        var units = new Dictionary<string, ImportRow<NewUnit>>(StringComparer.Ordinal);
        var people = new List<ImportRow<NewPerson>>();
        var refused = new List<ImportRefusal>();
        foreach (var row in rows)
        {
            try
            {
                AddUnits(row, units);
                people.Add(new ImportRow<NewPerson>(row.Row, Person(row)));
            }
            catch (RowRefusedException e)
            {
                refused.Add(e.At(row.Row));
            }
        }
        var present = rows.Select(r => r["employeeId"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new OrgSnapshot(units.Values.ToList(), people, refused, present);
    }

    private static void AddUnits(CsvRow row, Dictionary<string, ImportRow<NewUnit>> units)
    {
        var administration = row["administrationId"];
        var area = row["areaId"];
        if (administration is not null)
            Add(units, row.Row, new NewUnit(administration, row["administrationName"] ?? administration, OrgLevel.Administration));
        if (area is not null)
            Add(units, row.Row, new NewUnit(area, row["areaName"] ?? area, OrgLevel.Area, administration));
        var unitId = CsvCells.Required(row, "unitId");
        if (row["unitName"] is { } unitName || area is not null)
        {
            var manager = CsvCells.Flag(row, "managesUnit") ? row["employeeId"] : null;
            Add(units, row.Row, new NewUnit(unitId, row["unitName"] ?? unitId, OrgLevel.Unit, area, manager));
        }
    }

    /// <summary>The first row naming a unit describes it; a later row only adds its manager.</summary>
    private static void Add(Dictionary<string, ImportRow<NewUnit>> units, int row, NewUnit unit)
    {
        if (!units.TryGetValue(unit.Id, out var known)) units[unit.Id] = new ImportRow<NewUnit>(row, unit);
        else if (unit.ManagerEmployeeId is not null) units[unit.Id] = known with { Value = known.Value with { ManagerEmployeeId = unit.ManagerEmployeeId } };
    }

    private static NewPerson Person(CsvRow row) => new(
        CsvCells.Required(row, "employeeId"), CsvCells.Required(row, "userName"), CsvCells.Required(row, "name"), row["email"],
        row["unitId"], row["managerEmployeeId"],
        row["roles"]?.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        row["workDays"] is { } days ? days.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.TryParse<DayOfWeek>(d, true, out var day) ? day : throw new RowRefusedException("workDays", $"workDays: okänd veckodag '{d}'."))
            .ToList() : null,
        Time(row, "workStart"), Time(row, "workEnd"), null,
        CsvCells.Flag(row, "hasOwnExtension"), CsvCells.Flag(row, "sharesExtension"), CsvCells.Flag(row, "worksAcrossLargeArea"));

    private static TimeOnly? Time(CsvRow row, string column) =>
        row[column] is not { } text ? null
        : TimeOnly.TryParseExact(text, "HH:mm", out var time) ? time
        : throw new RowRefusedException(column, $"{column}: '{text}' är ingen tid på formen TT:MM.");
}
