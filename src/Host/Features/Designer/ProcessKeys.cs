using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Host.Features.Designer;

/// <summary>What a new process may be called: its key is its BPMN process id and part of addresses.</summary>
public static partial class ProcessKeys
{
    public const int MaxLength = 64;

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex Pattern();
}
