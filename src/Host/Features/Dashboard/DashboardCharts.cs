using MudBlazor;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The dashboard's chart settings: values on the bars and a few whole-number ticks, as the figures are small counts and days.</summary>
internal static class DashboardCharts
{
    private const int Ticks = 5;

    public static BarChartOptions Bars() => new() { ShowValues = true, YAxisTicks = 1, MaxNumYAxisTicks = Ticks };

    public static StackedBarChartOptions Stacked() => new() { ShowValues = true, YAxisTicks = 1, MaxNumYAxisTicks = Ticks };
}
