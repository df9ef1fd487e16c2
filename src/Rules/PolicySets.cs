namespace RJH.DeviceWorkflows.Rules;

/// <summary>The rule sets the product knows. Each takes one kind of facts and gives one of its outcomes.</summary>
public static class PolicySets
{
    /// <summary>Who gets what: Granted, Alternative (suggestedDeviceType), Denied or ManagerJudgement.</summary>
    public const string Entitlement = "entitlement";

    /// <summary>Who pays: Administration (costCenter), RegionDirector or Unit (costCenter).</summary>
    public const string Financing = "financing";

    /// <summary>May devices be rolled out to the unit: NotRequired, Open or Closed.</summary>
    public const string RolloutGate = "rollout-gate";

    /// <summary>May a message go to the recipient now: SendNow or Defer (until).</summary>
    public const string NotificationHours = "notification-hours";

    public static IReadOnlyList<string> All { get; } = [Entitlement, Financing, RolloutGate, NotificationHours];
}
