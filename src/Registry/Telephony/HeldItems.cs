using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

/// <summary>
/// What subscriptions and extensions have in common: reading what the caller may see, and changing one
/// record with its audit row (before/after) and the holder's assignment history.
/// </summary>
internal sealed class HeldItems<TRecord, TView>(RegisterTransactions transactions, string entity, AssignmentKind kind,
    Func<RegisterDbContext, DbSet<TRecord>> table, Func<TRecord, TView> view, string notFound)
    where TRecord : class, IHeldRecord
{
    public Task<IReadOnlyList<TView>> ListAsync(RegisterUser user, Func<IQueryable<TRecord>, IQueryable<TRecord>> filter,
        CancellationToken ct) =>
        transactions.ReadAsync<IReadOnlyList<TView>>(async db =>
        {
            var scope = await RegisterAccess.ScopeAsync(db, user, ct);
            var rows = await filter(Holders.Visible(table(db).AsNoTracking(), scope)).Take(5000).ToListAsync(ct);
            return rows.Select(view).ToList();
        }, ct);

    public Task<TView> GetAsync(RegisterUser user, Guid id, CancellationToken ct) =>
        transactions.ReadAsync(async db =>
        {
            var scope = await RegisterAccess.ScopeAsync(db, user, ct);
            var row = await Holders.Visible(table(db).AsNoTracking(), scope).FirstOrDefaultAsync(r => r.Id == id, ct);
            return row is null ? throw NotFound(id) : view(row);
        }, ct);

    public Task<TView> CreateAsync(RegisterUser user, string operation, string? operationKey,
        Func<RegisterChange, Task<TRecord>> create, CancellationToken ct)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync(operation, operationKey, user, async change =>
        {
            var record = await create(change);
            table(change.Db).Add(record);
            await Holders.MoveAsync(change, kind, record.Id, null, record.EmployeeId, ct);
            var after = view(record);
            change.Audit(entity, record.Id.ToString(), "Created", null, after, await People.UnitOfAsync(change.Db, record.EmployeeId, ct));
            return after;
        }, ct);
    }

    public Task<TView> ChangeAsync(RegisterUser user, string operation, string? operationKey, Guid id, string action,
        Func<RegisterChange, TRecord, Task> apply, CancellationToken ct)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync(operation, operationKey, user, async change =>
        {
            var record = await table(change.Db).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw NotFound(id);
            var before = view(record);
            var holderBefore = record.EmployeeId;
            await apply(change, record);
            record.UpdatedAt = change.Now;
            await Holders.MoveAsync(change, kind, record.Id, holderBefore, record.EmployeeId, ct);
            var after = view(record);
            change.Audit(entity, id.ToString(), action, before, after,
                await People.UnitOfAsync(change.Db, record.EmployeeId ?? holderBefore, ct));
            return after;
        }, ct);
    }

    /// <summary>Links the record to another person and/or device.</summary>
    public Task<TView> TransferAsync(RegisterUser user, string operation, string? operationKey, Guid id, Holder holder,
        CancellationToken ct) =>
        ChangeAsync(user, operation, operationKey, id, "Transferred", async (change, record) =>
        {
            await Holders.ValidateAsync(change.Db, holder, ct);
            record.EmployeeId = holder.EmployeeId;
            record.DeviceId = holder.DeviceId;
        }, ct);

    public Task<IReadOnlyList<TView>> OfHolderAsync(Func<IQueryable<TRecord>, IQueryable<TRecord>> filter, CancellationToken ct) =>
        transactions.ReadAsync<IReadOnlyList<TView>>(async db =>
            (await filter(table(db).AsNoTracking()).ToListAsync(ct)).Select(view).ToList(), ct);

    private RegisterNotFoundException NotFound(Guid id) => new(string.Format(System.Globalization.CultureInfo.InvariantCulture, notFound, id));
}
