namespace RJH.DeviceWorkflows.Activities.Adapters.Simulation;

/// <summary>
/// What every simulator does around its own state: wait the latency, maybe fail (before any change, so a retry
/// is clean), and honour idempotency keys (a repeated key returns the first result and changes nothing).
/// All state changes of one simulator run under this object's lock, so a simulator is thread-safe by using it.
/// </summary>
public sealed class SimulatorCore(string system, SimulatorOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Random _dice = options.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Dictionary<string, (string Operation, object? Result)> _done = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    /// <summary>Runs a state change once per <paramref name="idempotencyKey"/>; a repeat returns the first result.</summary>
    public async Task<T> MutateAsync<T>(string operation, string idempotencyKey, Func<T> change, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        await EnterAsync(ct);
        lock (_gate)
        {
            if (_done.TryGetValue(idempotencyKey, out var earlier))
            {
                return earlier.Operation == operation
                    ? (T)earlier.Result!
                    : throw new AdapterRejectedException(system, AdapterErrorCodes.IdempotencyKeyReused,
                        $"The idempotency key was used before for another operation than {operation}.");
            }
            // A refusal is not remembered: nothing changed, and the same call is refused again anyway.
            var result = change();
            _done[idempotencyKey] = (operation, result);
            return result;
        }
    }

    /// <summary>Reads state under the lock, after the same latency and failure dice as a change.</summary>
    public async Task<T> ReadAsync<T>(Func<T> read, CancellationToken ct)
    {
        await EnterAsync(ct);
        lock (_gate) return read();
    }

    /// <summary>Changes state directly, without latency or failures: seeding for tests and demos.</summary>
    public T Seed<T>(Func<T> change)
    {
        lock (_gate) return change();
    }

    private async Task EnterAsync(CancellationToken ct)
    {
        if (options.Latency > TimeSpan.Zero)
            await Task.Delay(options.Latency, time, ct);
        if (options.FailureRate <= 0) return;
        double roll;
        lock (_gate) roll = _dice.NextDouble();
        if (roll < options.FailureRate)
            throw new AdapterUnavailableException(system, $"The simulated {system} system is unavailable (injected failure).");
    }

    public AdapterRejectedException NotFound(string what) =>
        new(system, AdapterErrorCodes.NotFound, $"The {system} system knows no such {what}.");

    public AdapterRejectedException Refuse(string code, string message) => new(system, code, message);
}
