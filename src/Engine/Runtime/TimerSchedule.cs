using System.Globalization;
using System.Xml;
using RJH.DeviceWorkflows.Engine.Model;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>When a BPMN timer fires first, and how it repeats (ISO-8601 date, duration or cycle R[n]/[start/]duration).</summary>
internal sealed record TimerSchedule(DateTimeOffset DueAt, int? RemainingRepetitions, string? Interval)
{
    /// <summary>-1 marks an unbounded cycle (R/PT1H).</summary>
    public const int Unbounded = -1;

    /// <param name="text">The ISO-8601 text, already evaluated if the model gave an expression.</param>
    public static TimerSchedule Parse(TimerKind kind, string text, DateTimeOffset now)
    {
        text = text.Trim();
        switch (kind)
        {
            case TimerKind.Date:
                return new(ParseDate(text), null, null);
            case TimerKind.Duration:
                return new(now + ParseDuration(text), null, null);
            default:
                var parts = text.Split('/');
                if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
                    throw new FormatException($"'{text}' is not an ISO-8601 cycle such as R3/PT1H.");
                int repetitions = parts[0].Length == 1 ? Unbounded
                    : int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                    : throw new FormatException($"'{parts[0]}' is not a valid repetition count.");
                var interval = parts[^1];
                var step = ParseDuration(interval);
                var first = parts.Length == 3 ? ParseDate(parts[1]) : now + step;
                return new(first, repetitions, interval);
        }
    }

    /// <summary>The next occurrence after one fired, or null when the cycle is used up.</summary>
    public static TimerSchedule? Next(DateTimeOffset firedDueAt, int? remaining, string? interval)
    {
        if (remaining is null || interval is null) return null;
        if (remaining != Unbounded && remaining <= 1) return null;
        var left = remaining == Unbounded ? Unbounded : remaining.Value - 1;
        return new(firedDueAt + ParseDuration(interval), left, interval);
    }

    public static TimeSpan ParseDuration(string text)
    {
        try { return XmlConvert.ToTimeSpan(text.Trim()); }
        catch (FormatException) { throw new FormatException($"'{text}' is not an ISO-8601 duration such as PT1H or P3D."); }
    }

    public static bool IsIso(TimerKind kind, string text)
    {
        try { Parse(kind, text, DateTimeOffset.UnixEpoch); return true; }
        catch (FormatException) { return false; }
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d
            : throw new FormatException($"'{text}' is not an ISO-8601 date-time.");
}
