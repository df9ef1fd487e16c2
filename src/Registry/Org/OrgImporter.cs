using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Import;
using RJH.DeviceWorkflows.Registry.Operations;

namespace RJH.DeviceWorkflows.Registry.Org;

/// <summary>
/// Applies an HR export in one transaction: units (parents first), then people, then flags everyone who is
/// no longer in the export. A refused row changes nothing; each accepted row is saved as it goes so later
/// rows see it.
/// </summary>
internal static class OrgImporter
{
    /// <param name="maxShare">Of the active people, the most this import may flag; more refuses it before anything changes.</param>
    public static async Task<OrgImportResult> ApplyAsync(RegisterChange change, OrgSnapshot snapshot, double maxShare, CancellationToken ct)
    {
        await RefuseMassOffboardingAsync(change, snapshot, maxShare, ct);
        var counts = new Dictionary<UpsertOutcome, int> { [UpsertOutcome.Created] = 0, [UpsertOutcome.Updated] = 0, [UpsertOutcome.Unchanged] = 0 };
        var refused = new List<ImportRefusal>(snapshot.Refused);

        // Nested units may come in any order: keep passing over the rest while a pass places at least one.
        var pending = snapshot.Units.OrderBy(u => u.Value.Level).ToList();
        while (pending.Count > 0)
        {
            var failed = new List<(ImportRow<NewUnit> Row, RegisterValidationException Error)>();
            foreach (var unit in pending)
            {
                try
                {
                    counts[(await OrgUpserts.UnitAsync(change, unit.Value, ct)).Outcome]++;
                    await change.Db.SaveChangesAsync(ct);
                }
                catch (RegisterValidationException e)
                {
                    failed.Add((unit, e));
                }
            }
            if (failed.Count == pending.Count)
            {
                refused.AddRange(failed.Select(f => new ImportRefusal(f.Row.Row, "units." + f.Error.Field, f.Error.Message)));
                break;
            }
            pending = failed.Select(f => f.Row).ToList();
        }

        foreach (var person in snapshot.People)
        {
            try
            {
                counts[await OrgUpserts.PersonAsync(change, person.Value, ct)]++;
                await change.Db.SaveChangesAsync(ct);
            }
            catch (RegisterValidationException e)
            {
                refused.Add(new ImportRefusal(person.Row, e.Field, e.Message));
            }
        }

        var gone = await change.Db.People.Where(p => !p.FlaggedForOffboarding).ToListAsync(ct);
        var flagged = new List<string>();
        foreach (var person in gone.Where(p => !snapshot.EmployeeIdsPresent.Contains(p.EmployeeId)))
        {
            OrgUpserts.Flag(change, person, flagged: true);
            flagged.Add(person.EmployeeId);
        }
        return new OrgImportResult(counts[UpsertOutcome.Created], counts[UpsertOutcome.Updated], counts[UpsertOutcome.Unchanged],
            flagged.Count, flagged.Order(StringComparer.Ordinal).ToList(), refused.OrderBy(r => r.Row).ToList());
    }

    private static async Task RefuseMassOffboardingAsync(RegisterChange change, OrgSnapshot snapshot, double maxShare, CancellationToken ct)
    {
        var active = await change.Db.People.Where(p => !p.FlaggedForOffboarding).Select(p => p.EmployeeId).ToListAsync(ct);
        var wouldFlag = active.Count(id => !snapshot.EmployeeIdsPresent.Contains(id));
        if (wouldFlag > 0 && wouldFlag > maxShare * active.Count)
            throw new RegisterImportRemovesTooManyException(wouldFlag, active.Count, maxShare);
    }
}
