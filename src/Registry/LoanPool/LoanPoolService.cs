using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

internal sealed class LoanPoolService(RegisterTransactions transactions, DeviceRegister devices, LoanPoolLevels levels,
    IOptions<RegisterOptions> options, TimeProvider clock) : ILoanPool
{
    public Task<LoanPoolView> GetAsync(RegisterUser user, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.ReadAsync(async db =>
        {
            var pool = await db.Devices.AsNoTracking().Where(d => d.InLoanPool).OrderBy(d => d.Model).ThenBy(d => d.Id).ToListAsync(ct);
            var minimums = await db.LoanPoolMinimums.AsNoTracking().ToDictionaryAsync(m => m.Model, m => m.Minimum, ct);
            var models = pool.Select(d => d.Model).Concat(minimums.Keys).Distinct().Order(StringComparer.Ordinal)
                .Select(model => Summary(model, pool, minimums.GetValueOrDefault(model))).ToList();
            return new LoanPoolView(models, pool.Select(DeviceView.From).ToList())
            {
                Loans = await OpenLoansAsync(db, ct),
                Sites = SiteLevels(pool),
                Unplaced = pool.Count(d => d.LoanPoolSite is null),
            };
        }, ct);
    }

    private async Task<IReadOnlyList<LoanView>> OpenLoansAsync(RegisterDbContext db, CancellationToken ct)
    {
        var loans = await db.Assignments.AsNoTracking()
            .Where(a => a.Loan && a.To == null && a.Kind == AssignmentKind.Device).ToListAsync(ct);
        var deviceIds = loans.Select(l => l.ItemId).ToList();
        var employeeIds = loans.Select(l => l.EmployeeId).Distinct().ToList();
        var lent = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var names = await db.People.AsNoTracking().Where(p => employeeIds.Contains(p.EmployeeId))
            .ToDictionaryAsync(p => p.EmployeeId, p => p.Name, ct);
        var overdueBefore = clock.GetUtcNow() - options.Value.LoanOverdueAfter;
        return loans.Where(l => lent.ContainsKey(l.ItemId)).OrderBy(l => l.From)
            .Select(l => new LoanView(l.ItemId, lent[l.ItemId].Imei, lent[l.ItemId].Model, l.EmployeeId, names.GetValueOrDefault(l.EmployeeId),
                l.From, l.From < overdueBefore) { Site = lent[l.ItemId].LoanPoolSite })
            .ToList();
    }

    private List<LoanPoolSiteLevel> SiteLevels(IReadOnlyCollection<DeviceRecord> pool)
    {
        var configured = options.Value.LoanPool.Sites;
        // A site taken out of the configuration while devices are still there stays visible (minimum 0) until they are moved.
        var leftover = pool.Select(d => d.LoanPoolSite).OfType<string>()
            .Where(site => options.Value.LoanPool.Find(site) is null).Distinct().Order(StringComparer.Ordinal);
        return configured.Select(s => (s.Name, s.Minimum)).Concat(leftover.Select(site => (Name: site, Minimum: 0)))
            .Select(s =>
            {
                var here = pool.Where(d => string.Equals(d.LoanPoolSite, s.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                var available = here.Count(d => d.Status == DeviceStatus.InStock);
                return new LoanPoolSiteLevel(s.Name, available, here.Count(d => d.Status == DeviceStatus.OnLoan), s.Minimum, available < s.Minimum);
            })
            .ToList();
    }

    public Task<DeviceView> AddAsync(RegisterUser user, Guid deviceId, string? site = null, string? operationKey = null,
        CancellationToken ct = default)
    {
        var placed = SiteOf(site);
        return devices.ChangeAsync(user, "LoanPool.Add", operationKey, deviceId, "LoanPoolAdded", async (change, device) =>
        {
            if (device.Status != DeviceStatus.InStock || device.InLoanPool)
                throw new RegisterConflictException("Bara en mobilenhet i lager som inte redan är i lånepoolen kan läggas till.");
            device.InLoanPool = true;
            device.LoanPoolSite = placed;
            device.UpdatedAt = change.Now;
            await levels.CheckAsync(change, device.Model, device.LoanPoolSite, ct, canLower: false);
        }, ct);
    }

    /// <summary>The configured site's own spelling, so counting per site does not depend on how a caller wrote it.</summary>
    private string? SiteOf(string? site)
    {
        if (string.IsNullOrWhiteSpace(site)) return null;
        return options.Value.LoanPool.Find(site.Trim())?.Name
            ?? throw new RegisterValidationException("site", $"Okänd plats för lånepoolen: {site.Trim()}.");
    }

    public Task<DeviceView> RemoveAsync(RegisterUser user, Guid deviceId, string? operationKey = null, CancellationToken ct = default) =>
        devices.ChangeAsync(user, "LoanPool.Remove", operationKey, deviceId, "LoanPoolRemoved", async (change, device) =>
        {
            if (!device.InLoanPool || device.Status == DeviceStatus.OnLoan)
                throw new RegisterConflictException("Mobilenheten är inte i lånepoolen, eller är utlånad.");
            device.InLoanPool = false;
            device.UpdatedAt = change.Now;
            await levels.CheckAsync(change, device.Model, device.LoanPoolSite, ct);
            device.LoanPoolSite = null;
        }, ct);

    public Task<LoanPoolModel> SetMinimumAsync(RegisterUser user, string model, int minimum, string? operationKey = null,
        CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        if (string.IsNullOrWhiteSpace(model)) throw new RegisterValidationException("model", "Modell saknas.");
        if (minimum is < 0 or > 10_000) throw new RegisterValidationException("minimum", "Miniminivån ska vara 0–10 000.");
        return transactions.RunAsync("LoanPool.SetMinimum", operationKey, user, async change =>
        {
            var row = await change.Db.LoanPoolMinimums.FirstOrDefaultAsync(m => m.Model == model, ct);
            // A minimum for a model no device has would raise alerts for a pool that can never fill (or a typo).
            if (row is null && !await change.Db.Devices.AnyAsync(d => d.Model == model, ct))
                throw new RegisterValidationException("model", "Ingen mobilenhet i registret har den modellen.");
            var before = row is null ? null : new { model, minimum = row.Minimum };
            if (row is null) change.Db.LoanPoolMinimums.Add(row = new LoanPoolMinimumRecord { Model = model });
            row.Minimum = minimum;
            change.Audit(LoanPoolLevels.Entity, model, "MinimumSet", before, new { model, minimum }, null);
            await levels.CheckAsync(change, model, site: null, ct);
            var pool = await change.Db.Devices.Where(d => d.InLoanPool && d.Model == model).ToListAsync(ct);
            return Summary(model, pool, minimum);
        }, ct);
    }

    public Task<DeviceView> StartLoanAsync(RegisterUser user, Guid deviceId, string employeeId, string? operationKey = null,
        CancellationToken ct = default) =>
        devices.ChangeAsync(user, "LoanPool.StartLoan", operationKey, deviceId, "LoanStarted", async (change, device) =>
        {
            if (!device.InLoanPool) throw new RegisterConflictException("Mobilenheten är inte i lånepoolen.");
            var person = await People.RequireAsync(change.Db, employeeId, "employeeId", ct);
            DeviceLifecycle.Ensure(device.Status, DeviceStatus.OnLoan);
            device.Status = DeviceStatus.OnLoan;
            device.AssignedToEmployeeId = person.EmployeeId;
            device.UpdatedAt = change.Now;
            await Assignments.OpenAsync(change, AssignmentKind.Device, device.Id, person.EmployeeId, loan: true, ct);
            await levels.CheckAsync(change, device.Model, device.LoanPoolSite, ct);
        }, ct);

    public Task<DeviceView> EndLoanAsync(RegisterUser user, Guid deviceId, string? operationKey = null, CancellationToken ct = default) =>
        devices.ChangeAsync(user, "LoanPool.EndLoan", operationKey, deviceId, "LoanEnded", (change, device) =>
            device.Status == DeviceStatus.OnLoan
                ? devices.MoveAsync(change, device, DeviceStatus.InStock, "Lån avslutat", ct)
                : throw new RegisterConflictException("Mobilenheten är inte utlånad."), ct);

    private static LoanPoolModel Summary(string model, IReadOnlyCollection<DeviceRecord> pool, int minimum)
    {
        var available = pool.Count(d => d.Model == model && d.Status == DeviceStatus.InStock);
        return new LoanPoolModel(model, available, pool.Count(d => d.Model == model && d.Status == DeviceStatus.OnLoan), minimum,
            available < minimum);
    }
}
