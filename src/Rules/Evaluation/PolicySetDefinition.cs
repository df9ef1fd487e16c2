namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// What the product expects of one rule set: its facts and its outcomes, each with the outputs the
/// workflows read after it. A rule set may not invent an outcome a workflow cannot branch on.
/// </summary>
internal sealed record PolicySetDefinition(string Name, FactShape Shape, IReadOnlyDictionary<string, string[]> Outcomes)
{
    private static readonly Dictionary<string, PolicySetDefinition> Known = new[]
    {
        new PolicySetDefinition(PolicySets.Entitlement, FactShape.Device, new Dictionary<string, string[]>
        {
            ["Granted"] = [], ["Alternative"] = ["suggestedDeviceType"], ["Denied"] = [], ["ManagerJudgement"] = [],
        }),
        new PolicySetDefinition(PolicySets.Financing, FactShape.Device, new Dictionary<string, string[]>
        {
            ["Administration"] = ["costCenter"], ["RegionDirector"] = [], ["Unit"] = ["costCenter"],
        }),
        new PolicySetDefinition(PolicySets.RolloutGate, FactShape.Device, new Dictionary<string, string[]>
        {
            ["NotRequired"] = [], ["Open"] = [], ["Closed"] = [],
        }),
        new PolicySetDefinition(PolicySets.NotificationHours, FactShape.Notification, new Dictionary<string, string[]>
        {
            ["SendNow"] = [], ["Defer"] = ["until"],
        }),
    }.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static PolicySetDefinition? Find(string set) => Known.GetValueOrDefault(set);

    /// <exception cref="PolicySetNotFoundException"></exception>
    public static PolicySetDefinition Get(string set) => Find(set) ?? throw new PolicySetNotFoundException(set);
}
