using System.Collections.Frozen;
using Fluid;
using Fluid.Values;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>Liquid filters for the mail templates beyond the standard ones.</summary>
internal static class MailFilters
{
    /// <summary>
    /// Workflow values are the product's enum names (English, as rules compare them); a Swedish mail shows
    /// Swedish words: <c>{{ deviceType | sv }}</c> → "mobiltelefon". Unknown values pass through unchanged.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Swedish = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Phone"] = "mobiltelefon",
        ["Tablet"] = "surfplatta",
        ["DataOnlyPhone"] = "datatelefon",
        ["New"] = "ny enhet",
        ["Replacement"] = "ersättning",
        ["Loss"] = "förlorad enhet",
        ["Administration"] = "förvaltningen",
        ["RegionDirector"] = "regiondirektören",
        ["Unit"] = "enheten",
        ["Voluntary"] = "frivilligt",
        ["Mandatory"] = "obligatoriskt",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static TemplateOptions WithMailFilters(this TemplateOptions options)
    {
        options.Filters.AddFilter("sv", (input, _, _) =>
            new ValueTask<FluidValue>(Swedish.TryGetValue(input.ToStringValue(), out var word) ? new StringValue(word) : input));
        return options;
    }
}
