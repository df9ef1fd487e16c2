using MudBlazor;

namespace RJH.DeviceWorkflows.Host.Ui.Shell;

/// <summary>The region's colours, darkened where needed so text keeps WCAG AA contrast (4.5:1).</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#005a87",
            Secondary = "#6b2c57",
            AppbarBackground = "#005a87",
            Success = "#1b6e20",
            Warning = "#8a4b00",
            Error = "#b3261e",
            Info = "#0b5cad",
            TextSecondary = "rgba(0,0,0,0.70)",
            ActionDefault = "rgba(0,0,0,0.70)",
        },
    };
}
