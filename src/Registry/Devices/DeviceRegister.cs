using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Devices;

internal sealed class DeviceRegister(RegisterTransactions transactions, LoanPoolLevels loanPool) : IDeviceRegister
{
    // Every change to a device reads it first, several per ordering: compiled once (tracked, for the change).
    private static readonly CompiledQuery<RegisterDbContext, Guid, DeviceRecord?> DeviceById =
        new((db, id, _) => db.Devices.FirstOrDefault(d => d.Id == id));

    public const string Entity = "Device";

    // In these statuses nobody holds the device, so its open assignment ends.
    private static readonly DeviceStatus[] Unheld =
        [DeviceStatus.InStock, DeviceStatus.Returned, DeviceStatus.Wiped, DeviceStatus.Retired, DeviceStatus.Lost];

    public Task<IReadOnlyList<DeviceView>> ListAsync(RegisterUser user, DeviceQuery query, CancellationToken ct = default) =>
        transactions.ReadAsync<IReadOnlyList<DeviceView>>(async db =>
        {
            var scope = await RegisterAccess.ScopeAsync(db, user, ct);
            var devices = Visible(db.Devices.AsNoTracking(), scope);
            if (query.Status is { } status) devices = devices.Where(d => d.Status == status);
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var text = query.Text.Trim();
                devices = devices.Where(d => d.Imei == text || d.Serial == text || d.AssignedToEmployeeId == text
                                             || d.Model.Contains(text));
            }
            var rows = await devices.OrderBy(d => d.Model).ThenBy(d => d.Id).Take(Math.Clamp(query.Limit, 1, 5000)).ToListAsync(ct);
            return rows.Select(DeviceView.From).ToList();
        }, ct);

    public Task<DeviceView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default) =>
        transactions.ReadAsync(async db =>
        {
            var scope = await RegisterAccess.ScopeAsync(db, user, ct);
            var device = await Visible(db.Devices.AsNoTracking(), scope).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw NotFound(id);
            return DeviceView.From(device) with { Assignments = await Assignments.HistoryAsync(db, AssignmentKind.Device, id, ct) };
        }, ct);

    public Task<DeviceView> RegisterAsync(RegisterUser user, NewDevice device, string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync("Device.Register", operationKey, user, async change =>
        {
            var record = await DeviceRecords.CreateAsync(change, device, ct);
            change.Audit(Entity, record.Id.ToString(), "Created", null, DeviceView.From(record), record.UnitId);
            return DeviceView.From(record);
        }, ct);
    }

    public Task<DeviceView> SetStatusAsync(RegisterUser user, Guid id, DeviceStatus status, string? reason,
        string? operationKey = null, CancellationToken ct = default) =>
        ChangeAsync(user, "Device.SetStatus", operationKey, id, "Status", async (change, device) =>
        {
            if (status == DeviceStatus.Assigned && device.AssignedToEmployeeId is null)
                throw new RegisterValidationException("status", "En mobilenhet utan innehavare tilldelas med åtgärden tilldela (anställningsnummer).");
            await MoveAsync(change, device, status, reason, ct);
        }, ct);

    public Task<ReservationResult> ReserveFromStockAsync(RegisterUser user, DeviceType type, string? model = null,
        string? operationKey = null, CancellationToken ct = default)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync("Device.Reserve", operationKey, user, async change =>
        {
            var device = await ClaimOldestAsync(change.Db, type, model, ct);
            if (device is null) return new ReservationResult(ReservationOutcome.NoneInStock, null);
            var before = DeviceView.From(device);
            await MoveAsync(change, device, DeviceStatus.Reserved, "Reserverad från lager", ct);
            change.Audit(Entity, device.Id.ToString(), "Reserved", before, DeviceView.From(device), device.UnitId);
            return new ReservationResult(ReservationOutcome.Reserved, DeviceView.From(device));
        }, ct);
    }

    /// <summary>
    /// Takes the oldest device in stock of <paramref name="type"/> (and <paramref name="model"/> when given) for this
    /// transaction, or null when none is left; loan-pool devices are never taken. Orders placed at the same moment all
    /// want the same oldest phone; reading it and then writing it would let two of them reserve it on a server database
    /// (each read it as in stock). On PostgreSQL the read locks the row and skips rows other
    /// reservations have locked: each order gets the oldest phone nobody else is taking, without waiting. Elsewhere the
    /// claim is a conditional update: it changes the row only while it is still in stock, waiting for a racing claim to
    /// finish first, and a lost claim tries the next one. On SQLite the change's transaction holds the one writer's lock
    /// from its start (BEGIN IMMEDIATE, its own or the engine command's it joined), so nobody else writes between the read
    /// and the write: there the oldest phone is simply read, tracked.
    /// </summary>
    private static Task<DeviceRecord?> ClaimOldestAsync(RegisterDbContext db, DeviceType type, string? model, CancellationToken ct) =>
        db.Database.Kind() switch
        {
            DatabaseKind.PostgreSql => LockOldestFreeAsync(db, type, model, ct),
            // Every ordering reserves: the conditional update and the read after it were a third of its reservation (P5).
            DatabaseKind.Sqlite => OldestInStock.RunAsync(db, type, string.IsNullOrWhiteSpace(model) ? null : model, ct),
            _ => ClaimByConditionalUpdateAsync(db, type, model, ct),
        };

    private static readonly CompiledQuery<RegisterDbContext, DeviceType, string?, DeviceRecord?> OldestInStock = new((db, type, model, _) =>
        db.Devices.Where(d => d.Status == DeviceStatus.InStock && !d.InLoanPool && d.Type == type && (model == null || d.Model == model))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).FirstOrDefault());

    // Hand-written because EF has no row locks; FOR UPDATE must end the statement itself, not a subquery of it (that
    // would lock every phone in stock). Enums are stored by name.
    private static Task<DeviceRecord?> LockOldestFreeAsync(RegisterDbContext db, DeviceType type, string? model, CancellationToken ct)
    {
        var inStock = nameof(DeviceStatus.InStock);
        var typeName = type.ToString();
        var locked = string.IsNullOrWhiteSpace(model)
            ? db.Devices.FromSql($"""
                SELECT * FROM "Devices" WHERE "Status" = {inStock} AND NOT "InLoanPool" AND "Type" = {typeName}
                ORDER BY "CreatedAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            : db.Devices.FromSql($"""
                SELECT * FROM "Devices" WHERE "Status" = {inStock} AND NOT "InLoanPool" AND "Type" = {typeName} AND "Model" = {model}
                ORDER BY "CreatedAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """);
        return locked.AsAsyncEnumerable().FirstOrDefaultAsync(ct).AsTask();
    }

    private static async Task<DeviceRecord?> ClaimByConditionalUpdateAsync(RegisterDbContext db, DeviceType type, string? model, CancellationToken ct)
    {
        const int CandidatesPerRead = 8;
        var stock = db.Devices.Where(d => d.Status == DeviceStatus.InStock && !d.InLoanPool && d.Type == type);
        if (!string.IsNullOrWhiteSpace(model)) stock = stock.Where(d => d.Model == model);
        while (true)
        {
            var candidates = await stock.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => d.Id).Take(CandidatesPerRead).ToListAsync(ct);
            if (candidates.Count == 0) return null;
            foreach (var id in candidates)
            {
                var claimed = await db.Devices.Where(d => d.Id == id && d.Status == DeviceStatus.InStock)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeviceStatus.Reserved), ct);
                if (claimed == 0) continue;
                // Loaded after the claim, so it is tracked in its claimed state; MoveAsync then records the move.
                var device = await DeviceById.RunAsync(db, id, ct) ?? throw NotFound(id);
                device.Status = DeviceStatus.InStock;
                return device;
            }
        }
    }

    public Task<DeviceView> AssignAsync(RegisterUser user, Guid id, string employeeId, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "Device.Assign", operationKey, id, "Assigned", async (change, device) =>
        {
            var person = await People.RequireAsync(change.Db, employeeId, "employeeId", ct);
            if (device.Status != DeviceStatus.Assigned) DeviceLifecycle.Ensure(device.Status, DeviceStatus.Assigned);
            // Assigning again to the same person repeats a step; to someone else it would take the phone from its holder.
            else if (device.AssignedToEmployeeId is { } holder && holder != person.EmployeeId)
                throw new RegisterConflictException($"Enheten är redan tilldelad {holder}; lämna tillbaka den först.");
            device.Status = DeviceStatus.Assigned;
            device.AssignedToEmployeeId = person.EmployeeId;
            device.UpdatedAt = change.Now;
            await Assignments.OpenAsync(change, AssignmentKind.Device, device.Id, person.EmployeeId, loan: false, ct);
        }, ct);

    public Task<DeviceView> MarkReturnedAsync(RegisterUser user, Guid id, string? reason, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "Device.Return", operationKey, id, "Returned",
            (change, device) => MoveAsync(change, device, DeviceStatus.Returned, reason, ct), ct);

    public Task<DeviceView> RecordMdmAsync(RegisterUser user, Guid id, MdmReport report, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "Device.Mdm", operationKey, id, "Mdm", (change, device) =>
        {
            Record(change, device, report);
            return Task.CompletedTask;
        }, ct);

    // One transaction, not a report and then a move: enrolment is on the path of every ordering, and on SQLite each
    // register transaction holds the one writer.
    public Task<DeviceView> RecordEnrolmentAsync(RegisterUser user, Guid id, MdmReport report, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(user, "Device.Enrol", operationKey, id, "Enrolled", async (change, device) =>
        {
            Record(change, device, report);
            if (device.Status == DeviceStatus.Reserved) await MoveAsync(change, device, DeviceStatus.Enrolled, "Registrerad i MDM", ct);
        }, ct);

    private static void Record(RegisterChange change, DeviceRecord device, MdmReport report)
    {
        device.MdmState = report.MdmState ?? device.MdmState;
        device.ManagedAccount = report.ManagedAccount ?? device.ManagedAccount;
        device.ActivationLock = report.ActivationLock ?? device.ActivationLock;
        device.MdmDeviceId = report.MdmDeviceId?.Trim() ?? device.MdmDeviceId;
        device.UpdatedAt = change.Now;
    }

    public Task<IReadOnlyList<DeviceView>> DevicesOfPersonAsync(string employeeId, CancellationToken ct = default) =>
        transactions.ReadAsync(db => HeldByAsync(db, employeeId, ct), ct);

    /// <summary>The devices a person holds, by model.</summary>
    internal static async Task<IReadOnlyList<DeviceView>> HeldByAsync(RegisterDbContext db, string employeeId, CancellationToken ct) =>
        (await db.Devices.AsNoTracking().Where(d => d.AssignedToEmployeeId == employeeId).OrderBy(d => d.Model).ToListAsync(ct))
        .Select(DeviceView.From).ToList();

    /// <summary>Moves a device through its lifecycle: checks the table, ends the holder's assignment where nobody holds it, rechecks the loan pool.</summary>
    internal async Task MoveAsync(RegisterChange change, DeviceRecord device, DeviceStatus status, string? reason, CancellationToken ct)
    {
        DeviceLifecycle.Ensure(device.Status, status);
        device.Status = status;
        device.StatusReason = reason;
        device.UpdatedAt = change.Now;
        if (Unheld.Contains(status) && device.AssignedToEmployeeId is not null)
        {
            device.AssignedToEmployeeId = null;
            await Assignments.CloseAsync(change, AssignmentKind.Device, device.Id, ct);
        }
        if (device.InLoanPool) await loanPool.CheckAsync(change, device.Model, device.LoanPoolSite, ct);
    }

    /// <summary>Loads a device for a change by a register writer, applies it and audits before and after.</summary>
    internal Task<DeviceView> ChangeAsync(RegisterUser user, string operation, string? operationKey, Guid id, string action,
        Func<RegisterChange, DeviceRecord, Task> apply, CancellationToken ct)
    {
        RegisterAccess.RequireRegisterWriter(user);
        return transactions.RunAsync(operation, operationKey, user, async change =>
        {
            var device = await DeviceById.RunAsync(change.Db, id, ct) ?? throw NotFound(id);
            var before = DeviceView.From(device);
            await apply(change, device);
            var after = DeviceView.From(device);
            change.Audit(Entity, id.ToString(), action, before, after,
                device.UnitId ?? await People.UnitOfAsync(change.Db, device.AssignedToEmployeeId ?? before.AssignedToEmployeeId, ct));
            return after;
        }, ct);
    }

    internal static IQueryable<DeviceRecord> Visible(IQueryable<DeviceRecord> devices, AccessScope scope)
    {
        if (scope.All) return devices;
        var units = scope.UnitIds.ToList();
        var people = scope.EmployeeIds.ToList();
        return devices.Where(d => (d.UnitId != null && units.Contains(d.UnitId))
                                  || (d.AssignedToEmployeeId != null && people.Contains(d.AssignedToEmployeeId)));
    }

    internal static RegisterNotFoundException NotFound(Guid id) => new($"Mobilenheten {id} finns inte.");
}
