using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>
/// A rule set as its owners edit it: a decision table. Columns are <see cref="Inputs"/> (fact fields), a row
/// has one cell per column, an optional extra condition, an outcome, output values and a reason in Swedish
/// and English. Stored as JSON (camelCase) in <c>workflows/policies/{set}.json</c> and in the database.
/// </summary>
public sealed record DecisionTable
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public HitPolicy HitPolicy { get; init; } = HitPolicy.First;
    public IReadOnlyList<TableInput> Inputs { get; init; } = [];
    public IReadOnlyList<TableOutput> Outputs { get; init; } = [];
    public required IReadOnlyList<TableRow> Rows { get; init; }
}

/// <summary>First: rows in order, the first that matches decides. Collect: every matching row counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HitPolicy>))]
public enum HitPolicy { First, Collect }

/// <summary>
/// A column: <see cref="Name"/> is a fact field (<c>request.reason</c>) or, with <see cref="Expression"/>, a name
/// for a computed value (<c>PolicyFunctions.HasRole(employee, "Manager")</c>). <see cref="Type"/> is
/// boolean, enum, string, number or date; <see cref="Values"/> lists what a cell may name.
/// </summary>
public sealed record TableInput
{
    public required string Name { get; init; }
    public string? Expression { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}

/// <summary>An output a row may set; the outcome decides which ones a workflow reads.</summary>
public sealed record TableOutput
{
    public required string Name { get; init; }
    public string Type { get; init; } = "string";
}

/// <summary>
/// A rule. <see cref="Cells"/> maps each input's name to its cell text (<c>-</c>, <c>a, b</c>, <c>not a</c>,
/// <c>&lt; 5</c>, <c>[1..5]</c>…). An output value is text as written, or an expression over the facts after
/// <c>=</c> (<c>=unit.id</c>).
/// </summary>
public sealed record TableRow
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyDictionary<string, string> Cells { get; init; } = new Dictionary<string, string>();
    public string? Condition { get; init; }
    public required string Outcome { get; init; }
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
    public required RowReason Reason { get; init; }
}

/// <summary>Why, in Swedish (required) and English; both may name the row's outputs as <c>{name}</c>.</summary>
public sealed record RowReason
{
    public required string Sv { get; init; }
    public string? En { get; init; }
}
