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

    /// <summary>The largest single step: enough for any demo or test, far from the end of the calendar.</summary>
    public static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3650);

    /// <summary>Moves the clock forward; time never goes back. A refused step changes nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than <see cref="MaxAdvance"/>.</exception>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        if (by > MaxAdvance) throw new ArgumentOutOfRangeException(nameof(by), $"The clock moves at most {MaxAdvance.TotalDays:0} days at a time.");
        long current, next;
        do
        {
            current = Interlocked.Read(ref offsetTicks);
            next = current + by.Ticks;
            // Computed before it is stored, so a clock past the calendar's end is never kept.
            _ = inner.GetUtcNow() + TimeSpan.FromTicks(next) + MaxAdvance;
        }
        while (Interlocked.CompareExchange(ref offsetTicks, next, current) != current);
        return GetUtcNow();
    }
}
