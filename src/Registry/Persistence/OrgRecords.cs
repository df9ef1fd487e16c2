namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>A row of Units: an administration, an area or a unit; the tree is kept by <see cref="ParentId"/>.</summary>
internal sealed class UnitRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public OrgLevel Level { get; set; }
    public string? ParentId { get; set; }
    public string? ManagerEmployeeId { get; set; }
    public RolloutMode Rollout { get; set; }
}

/// <summary>A row of People, as the HR export gives it; never deleted, only flagged for offboarding.</summary>
internal sealed class PersonRecord
{
    public required string EmployeeId { get; set; }
    public required string UserName { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? UnitId { get; set; }
    public string? ManagerEmployeeId { get; set; }
    /// <summary>Comma-separated role names.</summary>
    public string Roles { get; set; } = "";
    /// <summary>Comma-separated <see cref="DayOfWeek"/> names.</summary>
    public string WorkDays { get; set; } = "";
    public TimeOnly WorkStart { get; set; }
    public TimeOnly WorkEnd { get; set; }
    public required string TimeZoneId { get; set; }
    public bool HasOwnExtension { get; set; }
    public bool SharesExtension { get; set; }
    public bool WorksAcrossLargeArea { get; set; }
    public bool FlaggedForOffboarding { get; set; }
    public DateTimeOffset? FlaggedAt { get; set; }
}
