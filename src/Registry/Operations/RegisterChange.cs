using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Operations;

/// <summary>
/// One change to the register in progress: its context and transaction, who makes it and when. Audit rows
/// are added to the same context, so they commit with the change or not at all; work that must follow the
/// commit (alerts to other systems) waits in <see cref="AfterCommit"/>.
/// </summary>
internal sealed class RegisterChange(RegisterDbContext db, RegisterUser actor, DateTimeOffset now)
{
    private readonly List<Func<CancellationToken, Task>> afterCommit = [];

    public RegisterDbContext Db { get; } = db;
    public RegisterUser Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public IReadOnlyList<Func<CancellationToken, Task>> AfterCommit => afterCommit;

    public void Audit(string entity, string entityId, string action, object? before, object? after, string? unitId) =>
        Db.Audit.Add(new RegisterAuditRecord
        {
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Actor = Actor.UserName,
            At = Now,
            Before = RegisterJson.Serialize(before),
            After = RegisterJson.Serialize(after),
            UnitId = unitId,
        });

    public void OnCommitted(Func<CancellationToken, Task> work) => afterCommit.Add(work);
}
