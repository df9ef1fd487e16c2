using System.Globalization;

namespace RJH.DeviceWorkflows.Testing;

/// <summary>
/// Where every test's controllable clock starts, so no test depends on the day it runs. The start can be moved for a
/// whole run with the environment variable <see cref="Variable"/> (an ISO 8601 instant with offset), to check that the
/// suite passes from any day: <c>RJH_TEST_CLOCK_START=2026-12-04T18:30:00+01:00 dotnet test …</c> (a Friday evening).
/// </summary>
public static class TestClock
{
    public const string Variable = "RJH_TEST_CLOCK_START";

    /// <summary>Monday 7 December 2026, 09:00 in Stockholm: an ordinary working morning.</summary>
    public static readonly DateTimeOffset WorkingMonday = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary><see cref="WorkingMonday"/>, or the instant in <see cref="Variable"/>.</summary>
    public static DateTimeOffset Start { get; } = FromEnvironment() ?? WorkingMonday;

    private static DateTimeOffset? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } text) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : throw new InvalidOperationException($"{Variable} is '{text}'; give an ISO 8601 instant with offset, e.g. 2026-12-04T18:30:00+01:00.");
    }
}
