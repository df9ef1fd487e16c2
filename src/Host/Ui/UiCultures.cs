using System.Globalization;

namespace RJH.DeviceWorkflows.Host.Ui;

/// <summary>The languages of the web app (Swedish first) and the time zone every time is shown in.</summary>
public static class UiCultures
{
    public const string Default = "sv-SE";
    public static readonly string[] Supported = [Default, "en"];

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>A moment as people in the region read it: Stockholm time, the person's language ("3 dec. 2026 10:14").</summary>
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Stockholm).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string FormatDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Stockholm).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string FormatDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static DateTimeOffset ToStockholm(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Stockholm);
}

/// <summary>Redirect targets from a query or form: only paths of this site, so a link cannot send people elsewhere.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
