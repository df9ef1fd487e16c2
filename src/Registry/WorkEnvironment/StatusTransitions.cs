namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>Which statuses a record may move to from each status; a forbidden move is a conflict that lists the allowed ones.</summary>
internal sealed class StatusTransitions<TStatus>(string recordName, IReadOnlyDictionary<TStatus, TStatus[]> allowed)
    where TStatus : struct, Enum
{
    public IReadOnlyList<TStatus> AllowedFrom(TStatus from) => allowed.TryGetValue(from, out var to) ? to : [];

    /// <param name="hint">Why, when the target is reached some other way (e.g. by signing).</param>
    public void Ensure(TStatus from, TStatus to, string? hint = null)
    {
        var next = AllowedFrom(from);
        if (next.Contains(to)) return;
        var names = next.Select(s => s.ToString()).ToList();
        var list = names.Count == 0 ? "inget" : string.Join(", ", names);
        throw new WorkEnvironmentConflictException(
            $"{recordName} har status {from} och kan inte få status {to}. Tillåtet härifrån: {list}.{(hint is null ? "" : " " + hint)}",
            names);
    }
}
