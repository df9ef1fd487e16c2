using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace RJH.DeviceWorkflows.Host.Features.Routines;

/// <summary>An ISO-8601 duration of a deadline or timer ("P5D", "PT4H", "P1Y") in words; anything else as written.</summary>
public static partial class DurationText
{
    public static string Format(string text, IStringLocalizer words)
    {
        var match = Iso().Match(text.Trim());
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success)) return text;
        string[] units = ["Years", "Months", "Weeks", "Days", "Hours", "Minutes", "Seconds"];
        var parts = units.Select((unit, i) => (Unit: unit, Group: match.Groups[i + 1]))
            .Where(p => p.Group.Success)
            .Select(p => words[p.Group.Value == "1" ? p.Unit + "_One" : p.Unit, int.Parse(p.Group.Value, CultureInfo.InvariantCulture)].Value)
            .ToList();
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " " + words["And"] + " " + parts[^1];
    }

    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")]
    private static partial Regex Iso();
}
