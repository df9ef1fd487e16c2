using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks. SQLite cannot compare or order
/// DateTimeOffset in SQL, but it can a 64-bit integer; ticks keep the exact instant (the offset
/// comes back as UTC, which <see cref="DateTimeOffset.Equals(DateTimeOffset)"/> ignores).
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
