using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>
/// The simple conditions forms use (form-js FEEL, the subset we need): <c>=approved = false</c>, <c>action != "Transfer"</c>
/// — a variable path, <c>=</c> or <c>!=</c>, and a literal (true, false, null, a number or a quoted string). Anything
/// else is refused when the form is loaded, so a form never silently means something else.
/// </summary>
public sealed partial class FormCondition(string path, bool equal, JsonNode? literal)
{
    public static FormCondition? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Pattern().Match(text.Trim().TrimStart('='));
        if (!match.Success) throw new FormatException($"Condition '{text}' is not of the form 'path = literal' or 'path != literal'.");
        var literalText = match.Groups["literal"].Value;
        JsonNode? literal = literalText switch
        {
            "null" => null,
            _ => JsonNode.Parse(literalText),
        };
        return new FormCondition(match.Groups["path"].Value, match.Groups["op"].Value == "=", literal);
    }

    /// <summary>Evaluated over the values the person has entered, on top of the task's variables.</summary>
    public bool Holds(Func<string, JsonNode?> read)
    {
        var same = JsonNode.DeepEquals(read(path), literal);
        return equal ? same : !same;
    }

    [GeneratedRegex(@"^\s*(?<path>[A-Za-z_][\w.]*)\s*(?<op>!=|=)\s*(?<literal>true|false|null|-?\d+(\.\d+)?|""[^""]*"")\s*$")]
    private static partial Regex Pattern();
}
