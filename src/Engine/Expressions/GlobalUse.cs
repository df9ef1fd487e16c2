using Acornima.Ast;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// Which parts of its globals an expression can see: for each global it names, either the members it reads by a
/// fixed name (<c>vars.employee</c>, <c>vars["facts"]</c>) or the whole value. Handing Jint only those members, not every
/// process variable, is what keeps an evaluation cheap: a step's conditions and mappings each read one or two variables
/// while an instance holds a dozen, some of them large (an employee's facts, devices, decisions).
/// </summary>
/// <remarks>
/// Exact, not a guess: an expression that could reach a global or a member without naming it — through <c>this</c>,
/// <c>globalThis</c>, <c>eval</c>, <c>Function</c>, <c>Reflect</c>, <c>Object</c>, <c>Proxy</c>, a computed member whose key is
/// not a literal, or anything called <c>constructor</c> (the way to the Function constructor, and so to code built from a
/// string) — is <see cref="Opaque"/> and gets every global whole. So does a global used in any way but a fixed-name
/// member read (passed on, spread, enumerated, shadowed): then it gets that global whole.
/// </remarks>
internal sealed class GlobalUse
{
    private static readonly HashSet<string> Escapes = new(StringComparer.Ordinal)
    {
        "globalThis", "eval", "Function", "Reflect", "Object", "Proxy", "constructor",
    };

    // Names every object inherits: reading one of them on a partial object could answer for members it left out
    // (vars.hasOwnProperty('x')), so a global read through one of them is handed over whole.
    private static readonly HashSet<string> Inherited = new(StringComparer.Ordinal)
    {
        "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf",
        "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    /// <summary>True for a member every object has whether or not its JSON does (<c>constructor</c>, <c>toString</c>, ...).</summary>
    public static bool IsInherited(string member) => Inherited.Contains(member);

    private readonly Dictionary<string, HashSet<string>?> used = new(StringComparer.Ordinal);

    private GlobalUse() { }

    /// <summary>Every global is to be handed over whole.</summary>
    public bool Opaque { get; private set; }

    /// <summary>
    /// What of <paramref name="name"/> the expression reads: false when it never names it (it need not be set);
    /// otherwise true with <paramref name="members"/> null for the whole value or the member names it reads.
    /// </summary>
    public bool Reads(string name, out IReadOnlySet<string>? members)
    {
        members = null;
        if (Opaque) return true;
        if (!used.TryGetValue(name, out var set)) return false;
        members = set;
        return true;
    }

    public static GlobalUse Of(Node program)
    {
        var use = new GlobalUse();
        // Iterative: a deeply nested expression must not overflow the stack here after the parser accepted it.
        var pending = new Stack<(Node Node, Node? Parent)>();
        pending.Push((program, null));
        while (pending.Count > 0 && !use.Opaque)
        {
            var (node, parent) = pending.Pop();
            use.Visit(node, parent);
            foreach (var child in node.ChildNodes) pending.Push((child, node));
        }
        if (use.Opaque) use.used.Clear();
        return use;
    }

    private void Visit(Node node, Node? parent)
    {
        switch (node)
        {
            case ThisExpression:
                Opaque = true;
                return;
            case MemberExpression { Computed: true, Property: not Literal }:
                Opaque = true;
                return;
            case Literal { Value: string text } when Escapes.Contains(text):
                Opaque = true;
                return;
            case Identifier identifier:
                // An escape counts after a dot too: x.constructor reaches the Function constructor as well.
                if (Escapes.Contains(identifier.Name)) Opaque = true;
                // Every name it refers to, global or not: which of them are globals depends on the call.
                else if (!IsPropertyName(identifier, parent)) Record(identifier.Name, MemberRead(identifier, parent));
                return;
        }
    }

    private void Record(string global, string? member)
    {
        if (member is null || Inherited.Contains(member)) { used[global] = null; return; }
        if (used.TryGetValue(global, out var set))
        {
            set?.Add(member);
            return;
        }
        used[global] = new HashSet<string>(StringComparer.Ordinal) { member };
    }

    /// <summary>The member name when <paramref name="identifier"/> is the object of a fixed-name member read, else null.</summary>
    private static string? MemberRead(Identifier identifier, Node? parent) => parent switch
    {
        MemberExpression { Computed: false, Property: Identifier property } m when ReferenceEquals(m.Object, identifier) => property.Name,
        MemberExpression { Computed: true, Property: Literal { Value: var key } } m when ReferenceEquals(m.Object, identifier)
            => key switch
            {
                string s => s,
                double d when d >= 0 && d == Math.Floor(d) && d < int.MaxValue => ((int)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            },
        _ => null,
    };

    /// <summary>True when the identifier is a name after a dot or an object literal's plain key: not a reference to a variable.</summary>
    private static bool IsPropertyName(Identifier identifier, Node? parent) => parent switch
    {
        MemberExpression { Computed: false } m => ReferenceEquals(m.Property, identifier),
        Property { Computed: false, Shorthand: false } p => ReferenceEquals(p.Key, identifier),
        MethodDefinition { Computed: false } d => ReferenceEquals(d.Key, identifier),
        PropertyDefinition { Computed: false } d => ReferenceEquals(d.Key, identifier),
        _ => false,
    };
}
