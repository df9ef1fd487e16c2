using System.Globalization;
using RJH.DeviceWorkflows.Rules;

namespace RJH.DeviceWorkflows.Host.Features.PolicyEditor;

internal static class ReasonText
{
    /// <summary>The reason in the person's language: English when they chose it and the rule has it, else Swedish.</summary>
    public static string Of(PolicyReason reason) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && reason.English is { } en ? en : reason.Message;
}
