using RJH.DeviceWorkflows.Host.Ui;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The dashboard's period (whole days in Stockholm, both included) and unit (with the units below it; null for all).</summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, string? UnitId = null)
{
    /// <summary>The longest period asked for at once: the seeds' horizon is six years.</summary>
    public const int MaxDays = 6 * 366;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The default: this month and the five before it.</summary>
    public static DashboardFilter LastSixMonths(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(UiCultures.ToStockholm(now).DateTime);
        return new DashboardFilter(new DateOnly(today.Year, today.Month, 1).AddMonths(-5), today);
    }

    /// <summary>The filter as a download address's query: <c>from=…&amp;to=…[&amp;unit=…]</c>.</summary>
    public string Query =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}") +
        (UnitId is null ? "" : $"&unit={Uri.EscapeDataString(UnitId)}");

    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first moment after the period.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    /// <summary>A period the other way round or longer than <see cref="MaxDays"/> is refused rather than guessed at.</summary>
    public bool IsValid => From <= To && To.DayNumber - From.DayNumber <= MaxDays;

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }
}
