using System.Buffers;
using System.Text;
using System.Text.Json;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// The journal entries one command wrote for one instance, stored as one row. A command that runs
/// ten steps writes some twenty-five entries; one insert instead of twenty-five keeps commands cheap
/// while the journal stays append-only and in order.
/// </summary>
/// <remarks>
/// <para>
/// Pages are written as <c>{"format":2,"entries":[…]}</c>: an entry leaves out its time when it is the previous entry's
/// (the first entry's previous time is the page's <see cref="At"/>) and its actor when it is the previous entry's, so a
/// ten-step start stores about 1 KB instead of 2.7 KB — every entry of one command has the same time and nearly all the
/// actor "engine". The text was a fifth of a start's serialising and most of the bytes SQLite wrote for it (P1,
/// docs/benchmarks.md).
/// </para>
/// <para>
/// Pages written before (a plain array, each entry with its time and, unless null, its actor) are read as they were.
/// </para>
/// </remarks>
internal sealed class JournalPage
{
    // Entry ids are derived: page id × this + position, so they stay unique and ordered.
    private const long EntriesPerPage = 100_000;
    private const int Format = 2;
    private static readonly JsonSerializerOptions FirstFormat = new(JsonSerializerDefaults.Web);

    public long Id { get; set; }
    public required Guid InstanceId { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Entries { get; set; }

    public static JournalPage From(Guid instanceId, IReadOnlyList<JournalRecord> entries) => new()
    {
        InstanceId = instanceId,
        At = entries[0].At,
        Entries = Write(entries[0].At, entries),
    };

    public IEnumerable<JournalRecord> ToRecords() =>
        (Entries.StartsWith('[') ? ReadFirstFormat() : Read()).Select((e, i) => new JournalRecord
        {
            Id = Id * EntriesPerPage + i, InstanceId = InstanceId, At = e.At, Kind = e.Kind,
            ElementId = e.ElementId, Actor = e.Actor, Detail = e.Detail,
        });

    private static string Write(DateTimeOffset pageAt, IReadOnlyList<JournalRecord> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + 48 * entries.Count);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteStartArray("entries");
            var at = pageAt;
            string? actor = null;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                json.WriteStartObject();
                if (!entry.At.EqualsExact(at)) json.WriteString("at", entry.At);
                json.WriteString("kind", entry.Kind);
                if (entry.ElementId is not null) json.WriteString("elementId", entry.ElementId);
                if (i == 0 ? entry.Actor is not null : entry.Actor != actor)
                {
                    if (entry.Actor is null) json.WriteNull("actor");
                    else json.WriteString("actor", entry.Actor);
                }
                if (entry.Detail is not null) json.WriteString("detail", entry.Detail);
                json.WriteEndObject();
                at = entry.At;
                actor = entry.Actor;
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private List<Entry> Read()
    {
        using var document = JsonDocument.Parse(Entries);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetInt32() != Format)
            throw new InvalidDataException($"Journal page {Id} has a format this version cannot read.");
        var entries = new List<Entry>();
        var at = At;
        string? actor = null;
        foreach (var item in root.GetProperty("entries").EnumerateArray())
        {
            if (item.TryGetProperty("at", out var time)) at = time.GetDateTimeOffset();
            if (item.TryGetProperty("actor", out var by)) actor = by.GetString();
            entries.Add(new Entry(at, item.GetProperty("kind").GetString()!, Text(item, "elementId"), actor, Text(item, "detail")));
        }
        return entries;
    }

    private static string? Text(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() : null;

    private List<Entry> ReadFirstFormat() => JsonSerializer.Deserialize<List<Entry>>(Entries, FirstFormat) ?? [];

    private sealed record Entry(DateTimeOffset At, string Kind, string? ElementId, string? Actor, string? Detail);
}
