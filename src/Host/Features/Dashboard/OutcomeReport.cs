using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>Everything the outcome dashboard shows, for one period and one unit (or all the caller may see).</summary>
public sealed record OutcomeReport(
    IReadOnlyList<DurationRow> WithoutPhone,
    IReadOnlyList<DurationRow> OrderToDelivery,
    IReadOnlyList<ReturnRow> Returns,
    IReadOnlyList<LeaverItem> HeldByLeavers,
    IReadOnlyList<GateRow> RolloutGate,
    IReadOnlyList<StepRow> LeadTimes);

/// <summary>
/// Durations in days of one month (Stockholm time, <c>yyyy-MM</c>) in one unit, or of all units in the month when
/// <see cref="UnitId"/> is null. <see cref="Open"/> counts cases not ended yet, which have no duration.
/// </summary>
public sealed record DurationRow(string Month, string? UnitId, string? UnitName, int Count, double? MedianDays, double? P90Days, int Open);

/// <summary>Returned devices per month: back in stock without activation lock, or scrapped (retired).</summary>
public sealed record ReturnRow(string Month, int Reusable, int Scrapped);

/// <summary>A device, subscription or extension still linked to a person who has left, with where to act on it.</summary>
public sealed record LeaverItem(AssignmentKind Kind, Guid Id, string Label, string EmployeeId, string PersonName, string? UnitName, string Href);

/// <summary>A unit under the rollout gate: orders it holds now and whether a signed-off risk assessment covers the unit.</summary>
public sealed record GateRow(string UnitId, string UnitName, RolloutMode Rollout, int HeldOrders, bool SignedOff);

/// <summary>Time spent in one step of one process, over the instances started in the period.</summary>
public sealed record StepRow(string Process, string ElementId, string Step, int Count, double MedianHours, double P90Hours, double TotalHours);
