using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;
using static RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork.RemoteWorkMapping;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

internal sealed class RemoteWorkAgreementService : IRemoteWorkAgreementService
{
    private const string NotFound = "Avtalet om distansarbete finns inte.";

    private readonly IDbContextFactory<WorkEnvironmentDbContext> contexts;
    private readonly RemoteWorkAccess access;
    private readonly RemoteWorkValidator validator;
    private readonly RemoteWorkLifecycle lifecycle;
    private readonly PersonalNumberProtector protector;
    private readonly TimeProvider time;
    private readonly AuditedWriter<RemoteWorkAgreementRecord> writer;

    public RemoteWorkAgreementService(IDbContextFactory<WorkEnvironmentDbContext> contexts, IRegisterDirectory directory,
        PersonalNumberProtector protector, TimeProvider time)
    {
        this.contexts = contexts;
        this.protector = protector;
        this.time = time;
        access = new RemoteWorkAccess(directory, new CurrentRoles(directory));
        validator = new RemoteWorkValidator(directory, time);
        lifecycle = new RemoteWorkLifecycle(time);
        // Audit snapshots are the masked view: the encrypted column never leaves this class.
        writer = new AuditedWriter<RemoteWorkAgreementRecord>(contexts, time, Entity, NotFound, ToView);
    }

    public async Task<IReadOnlyList<RemoteWorkAgreementView>> ListAsync(RegisterUser user, CancellationToken ct = default)
    {
        var visible = await access.VisibleEmployeesAsync(user, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.RemoteWorkAgreements.AsNoTracking();
        if (visible is not null) query = query.Where(a => visible.Contains(a.EmployeeId));
        var rows = await query.OrderByDescending(a => a.UpdatedAt).ToListAsync(ct);
        return rows.Select(ToView).ToList();
    }

    public async Task<RemoteWorkAgreementView> GetAsync(Guid id, RegisterUser user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await db.RemoteWorkAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        var relation = record is null ? null : await access.RelationAsync(record.EmployeeId, user, ct);
        if (record is null || relation is not { MaySee: true }) throw new WorkEnvironmentNotFoundException(NotFound);
        return ToView(record, relation.SeesFullPersonalNumber ? protector.Unprotect(record.PersonalNumberProtected) : null);
    }

    public Task<RemoteWorkAgreementView> CreateAsync(RemoteWorkAgreementDraft draft, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default) => CreateAsync(Guid.NewGuid(), draft, user, operationKey, ct);

    public async Task<RemoteWorkAgreementView> CreateAsync(Guid id, RemoteWorkAgreementDraft draft, RegisterUser user,
        string? operationKey = null, CancellationToken ct = default)
    {
        var input = await validator.CheckAsync(draft, personalNumberRequired: true, ct);
        var relation = await access.RelationAsync(input.Employee.EmployeeId, user, ct);
        if (!relation.IsEmployee && !relation.MayAdminister)
            throw new WorkEnvironmentForbiddenException("Ett avtal skrivs av den anställde, dennes chef eller HR.");

        var now = time.GetUtcNow();
        var record = new RemoteWorkAgreementRecord
        {
            Id = id, Status = nameof(RemoteWorkStatus.Draft), CreatedBy = user.UserName, CreatedAt = now, UpdatedAt = now,
        };
        Apply(record, draft, input);
        SetPersonalNumber(record, input.PersonalNumber!);
        return await GetAsync(await writer.CreateAsync(record, user.UserName, operationKey, ct), user, ct);
    }

    public Task<RemoteWorkAgreementView> UpdateAsync(Guid id, RemoteWorkAgreementDraft draft, RegisterUser user, CancellationToken ct = default) =>
        ChangeAsync(id, "Updated", user, null, async (record, relation) =>
        {
            if (!relation.IsEmployee && !relation.MayAdminister)
                throw new WorkEnvironmentForbiddenException("Avtalet ändras av den anställde, dennes chef eller HR.");
            if (Status(record) != RemoteWorkStatus.Draft)
                throw new WorkEnvironmentConflictException($"Bara ett utkast kan ändras; avtalet har status {record.Status}.");
            if (!string.Equals(draft.EmployeeId, record.EmployeeId, StringComparison.Ordinal))
                throw new WorkEnvironmentValidationException("employeeId", "Avtalets anställd kan inte bytas; skriv ett nytt avtal.");
            var input = await validator.CheckAsync(draft, personalNumberRequired: false, ct);
            Apply(record, draft, input);
            if (input.PersonalNumber is { } number) SetPersonalNumber(record, number);
        }, ct);

    public Task<RemoteWorkAgreementView> ApproveAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default) =>
        ChangeAsync(id, "Approved", user, operationKey, Sync((record, relation) => lifecycle.Approve(record, relation, user)), ct);

    public Task<RemoteWorkAgreementView> SignAsync(Guid id, AgreementParty? party, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(id, "Signed", user, operationKey, Sync((record, relation) => lifecycle.Sign(record, party, relation, user)), ct);

    public Task<RemoteWorkAgreementView> ActivateAsync(Guid id, RegisterUser user, string? operationKey = null, CancellationToken ct = default) =>
        ChangeAsync(id, "Activated", user, operationKey, Sync((record, relation) => lifecycle.Activate(record, relation)), ct);

    public Task<RemoteWorkAgreementView> TerminateAsync(Guid id, TerminationRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(id, "Terminated", user, operationKey, Sync((record, relation) => lifecycle.Terminate(record, request, relation, user)), ct);

    public Task<RemoteWorkAgreementView> RecordFollowUpAsync(Guid id, FollowUpRequest request, RegisterUser user, string? operationKey = null,
        CancellationToken ct = default) =>
        ChangeAsync(id, "FollowedUp", user, operationKey, Sync((record, relation) => lifecycle.RecordFollowUp(record, request, relation, user)), ct);

    public Task<RemoteWorkAgreementView> ChangeStatusAsync(Guid id, RemoteWorkStatus status, string? reason, RegisterUser user,
        string? operationKey = null, CancellationToken ct = default) => status switch
    {
        RemoteWorkStatus.Approved => ApproveAsync(id, user, operationKey, ct),
        RemoteWorkStatus.Active => ActivateAsync(id, user, operationKey, ct),
        RemoteWorkStatus.Terminated => TerminateAsync(id, new TerminationRequest(reason), user, operationKey, ct),
        RemoteWorkStatus.Draft => ChangeAsync(id, "Reopened", user, operationKey, Sync((record, relation) => lifecycle.Reopen(record, relation)), ct),
        // Signed comes only from the second signature: after the visibility check (404) this answers 409 with what is
        // allowed, and stores nothing.
        _ => ChangeAsync(id, "StatusRefused", user, operationKey, Sync((record, _) => RemoteWorkLifecycle.RefuseSignedByStatus(record)), ct),
    };

    public async Task<bool> HasActiveAgreementAsync(string employeeId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await AgreementInForce.RunAsync(db, employeeId, SwedishCalendar.Today(time), ct);
    }

    // Asked for every employee a policy decides about (P5, docs/benchmarks.md): compiled once. Terminated counts while
    // its notice runs: the agreement is still in force until its end date.
    private static readonly CompiledQuery<WorkEnvironmentDbContext, string, DateOnly, bool> AgreementInForce = new((db, employeeId, today, _) =>
        db.RemoteWorkAgreements.AsNoTracking().Any(a => a.EmployeeId == employeeId
            && (a.Status == nameof(RemoteWorkStatus.Active) || a.Status == nameof(RemoteWorkStatus.Terminated))
            && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today)));

    private void SetPersonalNumber(RemoteWorkAgreementRecord record, PersonalNumber number)
    {
        record.PersonalNumberProtected = protector.Protect(number);
        record.PersonalNumberMasked = number.Masked;
    }

    private static Func<RemoteWorkAgreementRecord, AgreementRelation, Task> Sync(Action<RemoteWorkAgreementRecord, AgreementRelation> change) =>
        (record, relation) =>
        {
            change(record, relation);
            return Task.CompletedTask;
        };

    /// <summary>Loads, hides what the caller may not see (404), applies, audits, saves; answers the record as the caller sees it now.</summary>
    private async Task<RemoteWorkAgreementView> ChangeAsync(Guid id, string action, RegisterUser user, string? operationKey,
        Func<RemoteWorkAgreementRecord, AgreementRelation, Task> apply, CancellationToken ct)
    {
        await writer.UpdateAsync(id, action, user.UserName, operationKey, async record =>
        {
            var relation = await access.RelationAsync(record.EmployeeId, user, ct);
            if (!relation.MaySee) throw new WorkEnvironmentNotFoundException(NotFound);
            await apply(record, relation);
            record.UpdatedAt = time.GetUtcNow();
        }, ct);
        return await GetAsync(id, user, ct);
    }
}
