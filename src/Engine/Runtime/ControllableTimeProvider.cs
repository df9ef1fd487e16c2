namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// System time plus an offset an admin can move forward (setting Engine:ControllableClock, never the default),
/// so acceptance tests and demos can make timers fall due without waiting.
/// </summary>
public sealed class ControllableTimeProvider : TimeProvider
{
    private readonly TimeProvider inner;
    private long offsetTicks;

    /// <param name="startAt">What the clock shows now (it runs on from there); the real time when null.</param>
    public ControllableTimeProvider(TimeProvider? inner = null, DateTimeOffset? startAt = null)
    {
        this.inner = inner ?? System;
        if (startAt is { } start) offsetTicks = (start - this.inner.GetUtcNow()).Ticks;
    }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>Moves the clock forward; time never goes back.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
