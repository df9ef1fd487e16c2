using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>
/// Filters, sorts and pages in SQL over indexed columns (IMEI, serial, status, type, unit, holder, model, updated), and
/// looks up names and numbers only for the rows of the page, so a page costs the same at 100,000 devices as at 100.
/// </summary>
internal sealed class DeviceSearchService(RegisterTransactions transactions) : IDeviceSearch
{
    // Export reads names and numbers for this many devices per round trip (well below every provider's parameter limit).
    private const int LookupBatch = 500;
    // More people or units than this matching a text are matched by a subquery instead of a list of values.
    private const int MaxListedMatches = 500;

    public Task<DevicePage> SearchAsync(RegisterUser user, DeviceSearch search, CancellationToken ct = default)
    {
        Validate(search);
        if (search.PageSize is < 1 or > DeviceSearch.MaxPageSize)
            throw new RegisterValidationException("pageSize", $"Sidstorleken ska vara 1–{DeviceSearch.MaxPageSize}.");
        if (search.Offset < 0) throw new RegisterValidationException("offset", "Början kan inte vara negativ.");
        return transactions.ReadAsync(async db =>
        {
            var devices = await FilteredAsync(db, user, search, ct);
            var total = await devices.CountAsync(ct);
            var page = await Sorted(devices, search).Skip(search.Offset).Take(search.PageSize).ToListAsync(ct);
            return new DevicePage(await RowsAsync(db, page, ct), total);
        }, ct);
    }

    public Task<IReadOnlyList<DeviceRow>> ExportAsync(RegisterUser user, DeviceSearch search, CancellationToken ct = default)
    {
        Validate(search);
        return transactions.ReadAsync<IReadOnlyList<DeviceRow>>(async db =>
        {
            var devices = await FilteredAsync(db, user, search, ct);
            var records = await Sorted(devices, search).Take(DeviceSearch.MaxExportRows).ToListAsync(ct);
            var rows = new List<DeviceRow>(records.Count);
            foreach (var batch in records.Chunk(LookupBatch)) rows.AddRange(await RowsAsync(db, batch, ct));
            return rows;
        }, ct);
    }

    private static void Validate(DeviceSearch search)
    {
        if (search.Text?.Length > DeviceSearch.MaxTextLength)
            throw new RegisterValidationException("text", $"Söktexten får vara högst {DeviceSearch.MaxTextLength} tecken.");
    }

    private static async Task<IQueryable<DeviceRecord>> FilteredAsync(RegisterDbContext db, RegisterUser user, DeviceSearch search,
        CancellationToken ct)
    {
        var scope = await RegisterAccess.ScopeAsync(db, user, ct);
        var devices = DeviceRegister.Visible(db.Devices.AsNoTracking(), scope);
        if (search.Status is { } status) devices = devices.Where(d => d.Status == status);
        if (search.Type is { } type) devices = devices.Where(d => d.Type == type);
        if (search.MdmState is { } mdm) devices = devices.Where(d => d.MdmState == mdm);
        devices = search.Loan switch
        {
            LoanFilter.InLoanPool => devices.Where(d => d.InLoanPool),
            LoanFilter.OnLoan => devices.Where(d => d.Status == DeviceStatus.OnLoan),
            LoanFilter.NotInLoanPool => devices.Where(d => !d.InLoanPool),
            _ => devices,
        };
        if (!string.IsNullOrWhiteSpace(search.UnitId))
        {
            var units = (await UnitTree.SubtreeAsync(db, search.UnitId.Trim(), ct)).ToList();
            var members = db.People.Where(p => p.UnitId != null && units.Contains(p.UnitId)).Select(p => p.EmployeeId);
            devices = devices.Where(d => (d.UnitId != null && units.Contains(d.UnitId))
                                         || (d.AssignedToEmployeeId != null && members.Contains(d.AssignedToEmployeeId)));
        }
        if (!string.IsNullOrWhiteSpace(search.Text)) devices = await MatchingAsync(db, devices, search.Text.Trim(), ct);
        return devices;
    }

    /// <summary>
    /// The small tables (subscriptions by number, people, units) are asked first; the devices are then matched with one
    /// indexed condition per kind of match that found anything, so SQLite and PostgreSQL answer from the indexes
    /// instead of testing every device against every kind of match.
    /// </summary>
    private static async Task<IQueryable<DeviceRecord>> MatchingAsync(RegisterDbContext db, IQueryable<DeviceRecord> devices,
        string text, CancellationToken ct)
    {
        var lower = text.ToLowerInvariant();
        var numbered = SwedishMsisdn.Normalise(text) is { } msisdn
            ? await db.Subscriptions.AsNoTracking().Where(s => s.Msisdn == msisdn && s.DeviceId != null).Select(s => s.DeviceId!.Value).ToListAsync(ct)
            : [];
        var people = db.People.Where(p => p.EmployeeId == text || p.UserName == text || p.Name.ToLower().Contains(lower)).Select(p => p.EmployeeId);
        var units = db.Units.Where(u => u.Id == text || u.Name.ToLower().Contains(lower)).Select(u => u.Id);
        var heldBy = await people.Take(MaxListedMatches + 1).ToListAsync(ct);
        var inUnits = await units.Take(MaxListedMatches + 1).ToListAsync(ct);

        Expression<Func<DeviceRecord, bool>> match = d => d.Imei == text || d.Serial == text;
        if (numbered.Count > 0) match = Or(match, d => numbered.Contains(d.Id));
        // A short list is sent as values (an index lookup each); a text as common as a frequent first name stays a subquery.
        if (heldBy.Count > MaxListedMatches) match = Or(match, d => d.AssignedToEmployeeId != null && people.Contains(d.AssignedToEmployeeId));
        else if (heldBy.Count > 0) match = Or(match, d => d.AssignedToEmployeeId != null && heldBy.Contains(d.AssignedToEmployeeId));
        if (inUnits.Count > MaxListedMatches) match = Or(match, d => d.UnitId != null && units.Contains(d.UnitId));
        else if (inUnits.Count > 0) match = Or(match, d => d.UnitId != null && inUnits.Contains(d.UnitId));
        return devices.Where(match);
    }

    private static Expression<Func<DeviceRecord, bool>> Or(
        Expression<Func<DeviceRecord, bool>> left, Expression<Func<DeviceRecord, bool>> right)
    {
        var body = Expression.OrElse(left.Body,
            new ParameterSwap(right.Parameters[0], left.Parameters[0]).Visit(right.Body));
        return Expression.Lambda<Func<DeviceRecord, bool>>(body, left.Parameters);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }

    private static IQueryable<DeviceRecord> Sorted(IQueryable<DeviceRecord> devices, DeviceSearch search)
    {
        var sorted = search.Sort switch
        {
            DeviceSort.Imei => Order(devices, d => d.Imei, search.Descending),
            DeviceSort.Serial => Order(devices, d => d.Serial, search.Descending),
            DeviceSort.Type => Order(devices, d => d.Type, search.Descending),
            DeviceSort.Status => Order(devices, d => d.Status, search.Descending),
            DeviceSort.MdmState => Order(devices, d => d.MdmState, search.Descending),
            DeviceSort.Unit => Order(devices, d => d.UnitId, search.Descending),
            DeviceSort.Holder => Order(devices, d => d.AssignedToEmployeeId, search.Descending),
            DeviceSort.Updated => Order(devices, d => d.UpdatedAt, search.Descending),
            _ => Order(devices, d => d.Model, search.Descending),
        };
        // The id breaks ties, so a row never shows on two pages.
        return search.Descending ? sorted.ThenByDescending(d => d.Id) : sorted.ThenBy(d => d.Id);
    }

    private static IOrderedQueryable<DeviceRecord> Order<TKey>(IQueryable<DeviceRecord> devices,
        Expression<Func<DeviceRecord, TKey>> key, bool descending) =>
        descending ? devices.OrderByDescending(key) : devices.OrderBy(key);

    private static async Task<IReadOnlyList<DeviceRow>> RowsAsync(RegisterDbContext db, IReadOnlyList<DeviceRecord> devices,
        CancellationToken ct)
    {
        var ids = devices.Select(d => d.Id).ToList();
        var holders = devices.Select(d => d.AssignedToEmployeeId).OfType<string>().Distinct().ToList();
        var unitIds = devices.Select(d => d.UnitId).OfType<string>().Distinct().ToList();
        var numbers = (await db.Subscriptions.AsNoTracking()
                .Where(s => s.DeviceId != null && ids.Contains(s.DeviceId.Value) && s.Status != SubscriptionStatus.Terminated)
                .Select(s => new { DeviceId = s.DeviceId!.Value, s.Msisdn }).ToListAsync(ct))
            .GroupBy(s => s.DeviceId).ToDictionary(g => g.Key, g => g.Min(s => s.Msisdn));
        var names = await db.People.AsNoTracking().Where(p => holders.Contains(p.EmployeeId))
            .ToDictionaryAsync(p => p.EmployeeId, p => p.Name, ct);
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return devices.Select(d => new DeviceRow(d.Id, d.Imei, d.Serial, d.Model, d.Type, d.Status, d.MdmState, d.ActivationLock,
            d.UnitId, d.UnitId is null ? null : unitNames.GetValueOrDefault(d.UnitId), d.AssignedToEmployeeId,
            d.AssignedToEmployeeId is null ? null : names.GetValueOrDefault(d.AssignedToEmployeeId),
            numbers.GetValueOrDefault(d.Id), d.InLoanPool, d.UpdatedAt)).ToList();
    }
}
