using System.Xml;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// The one bound on user-written text (policy rules, scripts, expressions, BPMN XML) before a parser sees it.
/// The parsers we use recurse once per nesting level, and a stack overflow ends the whole process: no catch
/// stops it. So depth is counted here, iteratively, and text beyond the bound never reaches a parser.
/// </summary>
public static class TextBounds
{
    /// <summary>Deepest bracket nesting in an expression or script; hand-written code stays far below it.</summary>
    public const int MaxNesting = 40;

    /// <summary>Deepest element nesting in an XML file; BPMN with sub-processes and extensions needs about 10.</summary>
    public const int MaxXmlDepth = 64;

    /// <summary>Null when <paramref name="text"/> is within the bounds, else a sentence saying which one it breaks.</summary>
    public static string? Check(string text, int maxLength, int maxNesting = MaxNesting)
    {
        if (text.Length > maxLength) return $"is longer than {maxLength} characters";
        var depth = Math.Max(Nesting(text, skipLiterals: true), Nesting(text, skipLiterals: false));
        return depth > maxNesting ? $"is nested {depth} levels deep; at most {maxNesting} are allowed" : null;
    }

    /// <summary>Null when no element of <paramref name="xml"/> is deeper than <paramref name="maxDepth"/>, else a sentence.</summary>
    /// <exception cref="XmlException">Not well-formed; the caller reports it as it reports any XML fault.</exception>
    public static string? CheckXml(string xml, XmlReaderSettings settings, int maxDepth = MaxXmlDepth)
    {
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
            if (reader.Depth > maxDepth) return $"The XML is nested more than {maxDepth} elements deep";
        }
        return null;
    }

    // Two counts, the larger wins: one skips string literals (brackets in text are not nesting), one does not
    // (so a literal the parser reads differently from this scan cannot hide real brackets).
    private static int Nesting(string text, bool skipLiterals)
    {
        int depth = 0, deepest = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\') i++;
                else if (c == quote) quote = null;
                continue;
            }
            switch (c)
            {
                case '"' or '\'' or '`' when skipLiterals: quote = c; break;
                case '(' or '[' or '{': deepest = Math.Max(deepest, ++depth); break;
                case ')' or ']' or '}': depth = Math.Max(0, depth - 1); break;
            }
        }
        return deepest;
    }
}
