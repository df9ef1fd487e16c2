using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Registry.Outcomes;

/// <summary>
/// The register's facts behind the outcome dashboard, limited to what the caller may see: ServiceCenter and admin
/// the whole register, a manager the units they manage and those below. Figures are computed from these by the Host.
/// </summary>
public interface IOutcomeData
{
    Task<OutcomeFacts> ReadAsync(RegisterUser user, OutcomeQuery query, CancellationToken ct = default);

    Task<CostFacts> ReadCostsAsync(RegisterUser user, OutcomeQuery query, CancellationToken ct = default);
}

/// <param name="UnitId">Only this unit and the units below it (within what the caller may see); null for all of them.</param>
/// <param name="From">Reports, orders and returns from this moment on (inclusive).</param>
/// <param name="To">…until this moment (exclusive). A device handed out after it still ends a report made before it.</param>
public sealed record OutcomeQuery(string? UnitId, DateTimeOffset From, DateTimeOffset To);

/// <param name="ScopeUnits">Every unit the caller may see (to choose from).</param>
/// <param name="Units">The units in scope: <see cref="ScopeUnits"/>, narrowed to the chosen unit's subtree.</param>
/// <param name="People">The people of those units.</param>
/// <param name="DeviceChanges">Every change of a device's status in the period, from the audit trail.</param>
/// <param name="DeviceAssignments">Devices handed to the people in scope (loans too) from the start of the period on.</param>
/// <param name="Orders">Device orders of the people in scope opened in the period.</param>
/// <param name="HeldByLeavers">What people who have left still hold, now.</param>
public sealed record OutcomeFacts(
    IReadOnlyList<UnitFact> ScopeUnits,
    IReadOnlyList<UnitFact> Units,
    IReadOnlyList<PersonFact> People,
    IReadOnlyList<DeviceChangeFact> DeviceChanges,
    IReadOnlyList<DeviceHandOut> DeviceAssignments,
    IReadOnlyList<OrderFact> Orders,
    IReadOnlyList<HeldByLeaver> HeldByLeavers);

public sealed record UnitFact(string Id, string Name, OrgLevel Level, RolloutMode Rollout);

/// <param name="Leaving">Gone from the HR export (offboarding): the person should hold nothing any more.</param>
public sealed record PersonFact(string EmployeeId, string Name, string? UnitId, bool Leaving);

/// <param name="HolderBefore">Who held the device before the change (the person left without it by a repair or a loss).</param>
/// <param name="LockAfter">The activation lock after the change: a locked device back in stock cannot be reused.</param>
public sealed record DeviceChangeFact(Guid DeviceId, DateTimeOffset At, DeviceStatus From, DeviceStatus To, string? HolderBefore,
    ActivationLock LockAfter, string? UnitId);

public sealed record DeviceHandOut(Guid DeviceId, string EmployeeId, DateTimeOffset At, bool Loan);

public sealed record OrderFact(Guid Id, string EmployeeId, DeviceOrderStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <param name="Label">What identifies it for people: model and IMEI or serial, the number, the extension.</param>
/// <param name="DeviceId">The device a subscription or extension is tied to, if any (its page shows both).</param>
public sealed record HeldByLeaver(AssignmentKind Kind, Guid Id, string Label, string EmployeeId, Guid? DeviceId = null);
