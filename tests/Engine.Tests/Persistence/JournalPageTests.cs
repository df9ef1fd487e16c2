using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Persistence;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Engine.Tests.Support;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>A journal page keeps each entry as it was written, though it stores repeated times and actors once.</summary>
public sealed class JournalPageTests
{
    private static readonly Guid InstanceId = Guid.Parse("01a24c96-f6b4-777d-8225-1f4455ed1d93");
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private static JournalRecord Entry(DateTimeOffset at, string kind, string? elementId, string? actor, string? detail = null) =>
        new() { InstanceId = InstanceId, At = at, Kind = kind, ElementId = elementId, Actor = actor, Detail = detail };

    [Fact]
    public void Every_entry_reads_back_with_its_own_time_actor_element_and_detail()
    {
        JournalRecord[] written =
        [
            Entry(Morning, "InstanceStarted", "start", "anna.berg", "ordering v3"),
            Entry(Morning, "ElementEntered", "start", "engine"),
            Entry(Morning, "ElementLeft", "start", "engine"),
            Entry(Morning.AddSeconds(2), "ElementEntered", "approve", "engine"),
            Entry(Morning.AddSeconds(2), "Incident", null, null, "Ogiltigt IMEI \"åäö\""),
            Entry(Morning.AddSeconds(2), "ElementLeft", "approve", "engine"),
            Entry(Morning.AddHours(1), "TaskCompleted", "approve", "chef.lund"),
        ];

        var page = JournalPage.From(InstanceId, written);
        page.Id = 7;
        var read = page.ToRecords().ToList();

        Assert.Equal(written.Select(Describe), read.Select(Describe));
        Assert.Equal(Enumerable.Range(0, written.Length).Select(i => 700_000L + i), read.Select(r => r.Id));
        Assert.All(read, r => Assert.Equal(InstanceId, r.InstanceId));
    }

    [Fact]
    public void A_ten_step_start_is_stored_in_less_than_half_the_text_of_one_time_and_actor_per_entry()
    {
        var entries = new List<JournalRecord> { Entry(Morning, "InstanceStarted", "start", "bench", "p1-inline v1") };
        foreach (var element in new[] { "start" }.Concat(Enumerable.Range(1, 10).Select(i => $"s{i}")).Append("end"))
        {
            entries.Add(Entry(Morning, "ElementEntered", element, "engine"));
            entries.Add(Entry(Morning, "ElementLeft", element, "engine"));
        }
        entries.Add(Entry(Morning, "InstanceCompleted", "end", "engine"));

        var compact = JournalPage.From(InstanceId, entries).Entries;
        var everyField = System.Text.Json.JsonSerializer.Serialize(entries.Select(e => new { e.At, e.Kind, e.ElementId, e.Actor, e.Detail }),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        Assert.True(compact.Length * 2 < everyField.Length, $"{compact.Length} characters against {everyField.Length}");
    }

    [Fact]
    public void A_page_written_before_the_compact_format_reads_as_it_did()
    {
        var page = new JournalPage
        {
            Id = 3, InstanceId = InstanceId, At = Morning,
            Entries = """[{"at":"2026-03-02T07:00:00+00:00","kind":"InstanceStarted","elementId":"start","actor":"anna.berg","detail":"ordering v3"},{"at":"2026-03-02T07:00:05+00:00","kind":"Incident"}]""",
        };

        var read = page.ToRecords().ToList();

        Assert.Equal(
            [
                Describe(Entry(Morning, "InstanceStarted", "start", "anna.berg", "ordering v3")),
                Describe(Entry(Morning.AddSeconds(5), "Incident", null, null)),
            ],
            read.Select(Describe));
    }

    [Fact]
    public void A_page_of_a_format_this_version_does_not_know_is_refused_not_misread()
    {
        var page = new JournalPage { Id = 4, InstanceId = InstanceId, At = Morning, Entries = """{"format":3,"entries":[]}""" };

        var error = Assert.Throws<InvalidDataException>(() => page.ToRecords().ToList());
        Assert.Contains("Journal page 4", error.Message);
    }

    [Fact]
    public async Task The_store_reads_pages_of_both_formats_of_one_instance_in_order()
    {
        await using var db = await TempStore.CreateAsync(DatabaseKind.Sqlite);
        var contexts = db.Services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            context.JournalPages.Add(new JournalPage
            {
                InstanceId = InstanceId, At = Morning,
                Entries = """[{"at":"2026-03-02T07:00:00+00:00","kind":"InstanceStarted","elementId":"start","actor":"anna.berg"}]""",
            });
            context.JournalPages.Add(JournalPage.From(InstanceId, [Entry(Morning.AddDays(1), "TaskCompleted", "approve", "chef.lund")]));
            await context.SaveChangesAsync();
        }

        var journal = await db.Store.ListJournalAsync(InstanceId);

        Assert.Equal(["InstanceStarted anna.berg 2026-03-02", "TaskCompleted chef.lund 2026-03-03"],
            journal.Select(j => $"{j.Kind} {j.Actor} {j.At:yyyy-MM-dd}"));
    }

    private static string Describe(JournalRecord r) => $"{r.At:O}|{r.Kind}|{r.ElementId}|{r.Actor ?? "<null>"}|{r.Detail}";
}
