namespace RJH.DeviceWorkflows.Registry.Operations;

/// <summary>Allowed status changes of one kind of record; a forbidden one names those that are allowed.</summary>
internal sealed class TransitionTable<TStatus>(string noun, IReadOnlyDictionary<TStatus, TStatus[]> next)
    where TStatus : struct, Enum
{
    public IReadOnlyList<TStatus> AllowedFrom(TStatus from) => next.TryGetValue(from, out var to) ? to : [];

    public bool IsAllowed(TStatus from, TStatus to) => AllowedFrom(from).Contains(to);

    /// <exception cref="RegisterTransitionException">Naming the statuses that are allowed.</exception>
    public void Ensure(TStatus from, TStatus to)
    {
        if (IsAllowed(from, to)) return;
        var allowed = AllowedFrom(from).Select(s => s.ToString()).ToList();
        throw new RegisterTransitionException(
            $"{noun} med status {from} kan inte få status {to}. Tillåtna: {(allowed.Count == 0 ? "inga" : string.Join(", ", allowed))}.",
            allowed);
    }
}
