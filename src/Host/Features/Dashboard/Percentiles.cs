namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The two figures the dashboard gives of a set of durations.</summary>
public static class Percentiles
{
    /// <summary>The middle value; with an even count the mean of the two middle ones. Null for no values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The 90th percentile by nearest rank: the smallest value that at least 90 % of the values do not exceed,
    /// always one of the values (no interpolation), so a reader can find it in the data. Null for no values.
    /// </summary>
    public static double? P90(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return sorted[rank - 1];
    }
}
