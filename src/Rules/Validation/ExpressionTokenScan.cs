namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// The first of two checks on an expression: its identifiers, outside string literals, against names
/// that only serve to reach types, reflection or the runtime. Cheap, and it refuses an attempt even
/// where the parser would have failed for another reason, so the author sees the real objection.
/// </summary>
internal static class ExpressionTokenScan
{
    // Compared case-insensitively, as the parser resolves names case-insensitively.
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "GetType", "typeof", "System", "Type", "Assembly", "Activator", "Invoke", "DynamicInvoke",
        "CreateInstance", "Reflection", "MethodInfo", "MemberInfo", "PropertyInfo", "FieldInfo", "Delegate",
        "AppDomain", "AppContext", "Environment", "Process", "File", "Directory", "Marshal", "GC", "Emit",
        "Runtime", "RuntimeHelpers", "Thread", "Task", "Console", "Expression", "Module", "Microsoft",
        // Dynamic LINQ's type operators take a type name as a string and resolve it themselves.
        "is", "as", "cast", "oftype",
    };

    /// <summary>The forbidden identifiers used, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> FindForbidden(string expression)
    {
        var found = new List<string>();
        foreach (var identifier in Identifiers(expression))
        {
            if (Forbidden.Contains(identifier) && !found.Contains(identifier, StringComparer.OrdinalIgnoreCase))
                found.Add(identifier);
        }
        return found;
    }

    private static readonly HashSet<string> WordOperators = new(["not", "and", "or"], StringComparer.OrdinalIgnoreCase);
    private const string OperatorSymbols = "!-+*/%?<>=&|^~";

    /// <summary>
    /// The operators outside literals, symbols and the words not/and/or. Each can add a level to the parsed tree, and
    /// the parser, the checks and the compiler all recurse over that tree; brackets are bounded elsewhere, but
    /// <c>!!!!…</c> or <c>1+1+…</c> nest without any.
    /// </summary>
    public static int CountOperators(string expression)
    {
        var count = Identifiers(expression).Count(WordOperators.Contains);
        var i = 0;
        while (i < expression.Length)
        {
            if (expression[i] is '"' or '\'') { i = SkipLiteral(expression, i); continue; }
            if (OperatorSymbols.Contains(expression[i])) count++;
            i++;
        }
        return count;
    }

    /// <summary>The identifiers of an expression, skipping "…" and '…' literals (with \ escapes).</summary>
    public static IEnumerable<string> Identifiers(string expression)
    {
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c is '"' or '\'')
            {
                i = SkipLiteral(expression, i);
            }
            else if (char.IsLetter(c) || c is '_' or '@')
            {
                var start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] is '_' or '@'))
                    i++;
                yield return expression[start..i].TrimStart('@');
            }
            else if (char.IsDigit(c))
            {
                // 12L, 1e5, 0x1F: a number's letters are not identifiers.
                // A '.' belongs to the number only before a digit: "1.GetType()" still shows GetType.
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i])
                    || expression[i] == '.' && i + 1 < expression.Length && char.IsDigit(expression[i + 1])))
                    i++;
            }
            else
            {
                i++;
            }
        }
    }

    private static int SkipLiteral(string expression, int start)
    {
        var quote = expression[start];
        var i = start + 1;
        while (i < expression.Length)
        {
            if (expression[i] == '\\') i += 2;
            else if (expression[i] == quote)
            {
                // "" inside a literal is an escaped quote in Dynamic LINQ as well.
                if (i + 1 < expression.Length && expression[i + 1] == quote) i += 2;
                else return i + 1;
            }
            else i++;
        }
        return i;
    }
}
