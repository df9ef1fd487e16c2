using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules.Decisions;

namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>
/// <see cref="IPolicyDecisionLog"/> on EF Core. Inside an engine command a decision is written in the command's
/// transaction, on every database, so it is logged if and only if the step that made it commits.
/// </summary>
internal sealed class EfPolicyDecisionLog(IDbContextFactory<PolicyDbContext> contexts, ICommandContextFactory<PolicyDbContext> inCommand)
    : IPolicyDecisionLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // An impact preview replays at most this many; more would keep a request busy for long.
    public const int MaxCount = 10_000;

    public async Task AddAsync(NewLoggedDecision entry, CancellationToken ct = default)
    {
        var decision = entry.Decision;
        await using var db = await inCommand.CreateInCommandAsync(ct);
        // One insert into a table without unique keys: it fails only when the database does, and then the command can
        // commit nothing else either, so a savepoint around it (two more round trips on a server database) saves nothing.
        db.Database.AutoSavepointsEnabled = false;
        db.Decisions.Add(new PolicyDecisionRecord
        {
            Set = decision.Set,
            Version = decision.Version,
            Outcome = decision.Outcome,
            OutputsJson = JsonSerializer.Serialize(decision.Outputs, Json),
            ReasonsJson = JsonSerializer.Serialize(decision.Reasons, Json),
            FactsJson = entry.Facts.GetRawText(),
            InstanceId = entry.InstanceId,
            ElementId = entry.ElementId,
            DecidedAt = entry.DecidedAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<LoggedDecision>> ForInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Decisions.AsNoTracking().Where(d => d.InstanceId == instanceId).OrderBy(d => d.Id).ToListAsync(ct);
        return rows.Select(Read).ToList();
    }

    public async Task<IReadOnlyList<LoggedDecision>> LatestAsync(string set, int? version, int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Decisions.AsNoTracking().Where(d => d.Set == set);
        if (version is { } v) query = query.Where(d => d.Version == v);
        var rows = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(count, 0, MaxCount)).ToListAsync(ct);
        return rows.Select(Read).ToList();
    }

    private static LoggedDecision Read(PolicyDecisionRecord row) => new(row.Id, row.Set, row.Version, row.Outcome,
        Parse(row.OutputsJson), JsonSerializer.Deserialize<List<PolicyReason>>(row.ReasonsJson, Json) ?? [],
        row.InstanceId, row.ElementId, row.DecidedAt, Parse(row.FactsJson));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
