using System.Text.Json;
using System.Text.Json.Serialization;
using RJH.DeviceWorkflows.Rules.Tables;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

/// <summary>
/// A decision table as the grid edits it: the rows change in place, the columns (inputs, outputs) and the
/// set's name and hit policy stay as stored. <see cref="ToJson"/> gives what PUT /api/policies/{set} takes.
/// </summary>
public sealed class EditableTable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private readonly DecisionTable source;

    private EditableTable(DecisionTable source)
    {
        this.source = source;
        Rows = source.Rows.Select(EditableRow.From).ToList();
    }

    public IReadOnlyList<TableInput> Inputs => source.Inputs;

    public IReadOnlyList<TableOutput> Outputs => source.Outputs;

    public HitPolicy HitPolicy => source.HitPolicy;

    public List<EditableRow> Rows { get; }

    public static DecisionTable Read(JsonElement table) =>
        table.Deserialize<DecisionTable>(Json) ?? throw new JsonException("The stored table is empty.");

    public static EditableTable From(JsonElement table) => new(Read(table));

    public void AddRow()
    {
        var name = Enumerable.Range(Rows.Count + 1, 1000).Select(n => $"Rule{n}").First(n => Rows.All(r => r.Name != n));
        var row = new EditableRow { Name = name, Outcome = "", ReasonSv = "" };
        foreach (var input in Inputs) row.Cells[input.Name] = "-";
        Rows.Add(row);
    }

    public void Move(int index, int by)
    {
        var target = index + by;
        if (index < 0 || index >= Rows.Count || target < 0 || target >= Rows.Count) return;
        (Rows[index], Rows[target]) = (Rows[target], Rows[index]);
    }

    public void Remove(int index)
    {
        if (index >= 0 && index < Rows.Count) Rows.RemoveAt(index);
    }

    public DecisionTable ToTable() => source with { Rows = Rows.Select(r => r.ToRow()).ToList() };

    public string ToJson() => JsonSerializer.Serialize(ToTable(), Json);
}

/// <summary>One rule of the grid; empty texts become "no value" so the validator names what is missing.</summary>
public sealed class EditableRow
{
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public Dictionary<string, string> Cells { get; } = new(StringComparer.Ordinal);
    public string? Condition { get; set; }
    public required string Outcome { get; set; }
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);
    public required string ReasonSv { get; set; }
    public string? ReasonEn { get; set; }

    public static EditableRow From(TableRow row)
    {
        var editable = new EditableRow
        {
            Name = row.Name, Enabled = row.Enabled, Condition = row.Condition, Outcome = row.Outcome,
            ReasonSv = row.Reason.Sv, ReasonEn = row.Reason.En,
        };
        foreach (var (input, cell) in row.Cells) editable.Cells[input] = cell;
        foreach (var (output, value) in row.Outputs) editable.Outputs[output] = value;
        return editable;
    }

    public TableRow ToRow() => new()
    {
        Name = Name.Trim(),
        Enabled = Enabled,
        Cells = new Dictionary<string, string>(Cells),
        Condition = string.IsNullOrWhiteSpace(Condition) ? null : Condition,
        Outcome = Outcome.Trim(),
        // An output left blank is one the row does not set.
        Outputs = Outputs.Where(o => !string.IsNullOrWhiteSpace(o.Value)).ToDictionary(o => o.Key, o => o.Value),
        Reason = new RowReason { Sv = ReasonSv, En = string.IsNullOrWhiteSpace(ReasonEn) ? null : ReasonEn },
    };
}
