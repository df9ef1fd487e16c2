using System.Text.Json;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// The journal entries one command wrote for one instance, stored as one row. A command that runs
/// ten steps writes some twenty-five entries; one insert instead of twenty-five keeps commands cheap
/// while the journal stays append-only and in order.
/// </summary>
internal sealed class JournalPage
{
    // Entry ids are derived: page id × this + position, so they stay unique and ordered.
    private const long EntriesPerPage = 100_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public long Id { get; set; }
    public required Guid InstanceId { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Entries { get; set; }

    public static JournalPage From(Guid instanceId, IReadOnlyList<JournalRecord> entries) => new()
    {
        InstanceId = instanceId,
        At = entries[0].At,
        Entries = JsonSerializer.Serialize(entries.Select(e => new Entry(e.At, e.Kind, e.ElementId, e.Actor, e.Detail)), Json),
    };

    public IEnumerable<JournalRecord> ToRecords() =>
        (JsonSerializer.Deserialize<List<Entry>>(Entries, Json) ?? []).Select((e, i) => new JournalRecord
        {
            Id = Id * EntriesPerPage + i, InstanceId = InstanceId, At = e.At, Kind = e.Kind,
            ElementId = e.ElementId, Actor = e.Actor, Detail = e.Detail,
        });

    private sealed record Entry(DateTimeOffset At, string Kind, string? ElementId, string? Actor, string? Detail);
}
