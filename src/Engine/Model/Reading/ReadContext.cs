using System.Xml;
using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// State shared by the element readers of one <see cref="BpmnReader.Read"/> call: the collected
/// diagnostics, the options' checks and the root elements (messages, errors) that events refer to.
/// </summary>
internal sealed class ReadContext
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly Dictionary<string, XElement> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XElement> errors = new(StringComparer.Ordinal);

    public ReadContext(BpmnReaderOptions options, XElement definitions)
    {
        Options = options;
        foreach (var m in definitions.Elements(BpmnNames.Message))
            if (Attr(m, "id") is { } id) messages.TryAdd(id, m);
        foreach (var e in definitions.Elements(BpmnNames.Error))
            if (Attr(e, "id") is { } id) errors.TryAdd(id, e);
    }

    public BpmnReaderOptions Options { get; }
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;
    public int Count => diagnostics.Count;

    public void Report(string? elementId, XObject at, string message) =>
        diagnostics.Add(new Diagnostic(elementId, Line(at), message));

    public static int Line(XObject at) =>
        at is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>An unqualified attribute, trimmed; null when absent or blank.</summary>
    public static string? Attr(XElement e, string name) => Clean((string?)e.Attribute(name));

    /// <summary>An attribute of our extension namespace, trimmed; null when absent or blank.</summary>
    public static string? RjhAttr(XElement e, string name) => Clean((string?)e.Attribute(BpmnNames.Rjh + name));

    public static IReadOnlyList<string> SplitList(string? value) =>
        value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads an xs:boolean attribute; a value that is not one reports and yields the fallback.</summary>
    public bool Bool(XElement e, string name, bool fallback, string ownerId)
    {
        switch (Attr(e, name))
        {
            case null: return fallback;
            case "true" or "1": return true;
            case "false" or "0": return false;
            case var other:
                Report(ownerId, e, $"Attribute '{name}' must be true or false, not '{other}'");
                return fallback;
        }
    }

    public XElement? FindMessage(string reference) => Find(messages, reference);
    public XElement? FindError(string reference) => Find(errors, reference);

    /// <summary>Runs the expression syntax check, if any; a check that throws counts as a failure.</summary>
    public void CheckExpression(string elementId, XElement at, string what, string expression) =>
        Check(Options.CheckExpression, elementId, at, what, expression);

    public void CheckScript(string elementId, XElement at, string script) =>
        Check(Options.CheckScript, elementId, at, "the script", script);

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private void Check(Func<string, string?>? check, string elementId, XElement at, string what, string text)
    {
        if (check is null) return;
        string? error;
        try { error = check(text); }
        catch (Exception ex) { error = ex.Message; }
        if (error is not null) Report(elementId, at, $"Syntax error in {what}: {error}");
    }

    // BPMN references are QNames; tools mostly write bare ids, but a prefixed one must resolve too.
    private static XElement? Find(Dictionary<string, XElement> byId, string reference)
    {
        if (byId.TryGetValue(reference, out var hit)) return hit;
        var colon = reference.IndexOf(':');
        return colon >= 0 && byId.TryGetValue(reference[(colon + 1)..], out hit) ? hit : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
