namespace RJH.DeviceWorkflows.Registry.Outcomes;

/// <summary>The register's facts behind the cost page, for the units in scope (as <see cref="OutcomeFacts"/>).</summary>
/// <param name="Purchases">Orders delivered in the period with the device they delivered and who pays.</param>
/// <param name="Subscriptions">Subscriptions of the people in scope that are not terminated.</param>
/// <param name="Loans">Loans to the people in scope that started in the period.</param>
/// <param name="Fleet">The devices in use or in stock now (not retired or lost) of the units in scope.</param>
public sealed record CostFacts(
    IReadOnlyList<UnitFact> ScopeUnits,
    IReadOnlyList<UnitFact> Units,
    IReadOnlyList<PersonFact> People,
    IReadOnlyList<PurchaseFact> Purchases,
    IReadOnlyList<SubscriptionFact> Subscriptions,
    IReadOnlyList<LoanFact> Loans,
    IReadOnlyList<FleetDevice> Fleet);

/// <param name="Payer">The financing decision: Unit, Administration or RegionDirector; null when the order has none.</param>
/// <param name="PriceSek">The device's recorded purchase price; null when none is recorded.</param>
public sealed record PurchaseFact(Guid OrderId, string EmployeeId, string? Payer, string? CostCenter, DateTimeOffset DeliveredAt,
    DeviceType? DeviceType, decimal? PriceSek);

public sealed record SubscriptionFact(Guid Id, SubscriptionUsage Usage, string? EmployeeId, DateTimeOffset CreatedAt);

public sealed record LoanFact(Guid DeviceId, string EmployeeId, DateTimeOffset From, DateTimeOffset? To);

public sealed record FleetDevice(Guid Id, DeviceType Type, decimal? PriceSek);
