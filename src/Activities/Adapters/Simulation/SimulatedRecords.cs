namespace RJH.DeviceWorkflows.Activities.Adapters.Simulation;

/// <summary>
/// The records one simulator keeps (devices, subscriptions, extensions), by id, guarded by its
/// <see cref="SimulatorCore"/>: a change to an unknown record is <c>not_found</c>, and a record in a final state
/// (retired, terminated, removed) refuses every change with the refusal <paramref name="refuseChange"/> gives.
/// </summary>
public sealed class SimulatedRecords<T>(SimulatorCore core, string what, Func<T, string> idOf, Func<T, AdapterRejectedException?> refuseChange)
    where T : class
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);

    /// <summary>All records; call only under the core's lock (inside a change or a seed).</summary>
    public IEnumerable<T> All => _items.Values;

    /// <summary>Stores a record; call only under the core's lock.</summary>
    public T Store(T item) => _items[idOf(item)] = item;

    public Task<T?> GetAsync(string id, CancellationToken ct) => core.ReadAsync(() => _items.GetValueOrDefault(id), ct);

    public Task<T> ChangeAsync(string id, string operation, string idempotencyKey, Func<T, T> change, CancellationToken ct) =>
        ChangeAsync(id, operation, idempotencyKey, change, changed => changed, ct);

    /// <summary>Changes one record once per key and answers with <paramref name="result"/> of the changed record.</summary>
    public Task<TResult> ChangeAsync<TResult>(string id, string operation, string idempotencyKey, Func<T, T> change, Func<T, TResult> result, CancellationToken ct) =>
        core.MutateAsync(operation, idempotencyKey, () => result(Guarded(id, change)), ct);

    /// <summary>
    /// Changes one record at once, without latency, failures or key, but with the same refusals: what the simulated
    /// system does by itself (a supplier ships or delivers), driven by tests, demos or the simulator's own timers.
    /// </summary>
    public T Force(string id, Func<T, T> change) => core.Seed(() => Guarded(id, change));

    // Called under the core's lock.
    private T Guarded(string id, Func<T, T> change)
    {
        var item = _items.GetValueOrDefault(id) ?? throw core.NotFound(what);
        if (refuseChange(item) is { } refusal) throw refusal;
        return Store(change(item));
    }
}
