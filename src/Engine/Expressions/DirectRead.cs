using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// Most of a model's mappings only read a value: <c>vars.employeeId</c>, <c>result.decision</c>, <c>'entitlement'</c>.
/// Handing those to Jint (renting an engine, converting the globals to JavaScript and the answer back through JSON text)
/// cost more than anything else in evaluating them, so they are read from the JSON directly, with the same answer Jint
/// would give. Whatever could answer differently goes to Jint after all: a path through something that is not an
/// object (Jint's error, or a string's or array's own members), a member every object inherits, and any number (Jint
/// gives numbers back in JavaScript's own spelling: 1.50 as 1.5).
/// </summary>
internal sealed class DirectRead
{
    private readonly JsonNode? constant;
    private readonly string? root;
    private readonly string[] path = [];

    private DirectRead(JsonNode? constant) => this.constant = constant;

    private DirectRead(string root, string[] path)
    {
        this.root = root;
        this.path = path;
    }

    /// <summary>The read <paramref name="program"/> is, or null when it does more than read.</summary>
    public static DirectRead? Of(Script program)
    {
        if (program.Body is not [ExpressionStatement { Expression: var expression }]) return null;
        switch (expression)
        {
            case Literal { Value: string text }: return new(JsonValue.Create(text));
            case Literal { Value: bool flag }: return new(JsonValue.Create(flag));
            case Literal { Value: null } and not RegExpLiteral and not BigIntLiteral: return new((JsonNode?)null);
        }
        var names = new Stack<string>();
        while (expression is MemberExpression { Computed: false, Optional: false, Property: Identifier property } member)
        {
            if (GlobalUse.IsInherited(property.Name)) return null;
            names.Push(property.Name);
            expression = member.Object;
        }
        return expression is Identifier { Name: var name } && names.Count > 0 ? new(name, names.ToArray()) : null;
    }

    /// <summary>The value, when it can be read without Jint; false leaves it to Jint.</summary>
    public bool TryRead(IReadOnlyDictionary<string, JsonNode?> globals, out JsonNode? value)
    {
        value = null;
        if (root is null)
        {
            value = constant?.DeepClone();
            return true;
        }
        if (!globals.TryGetValue(root, out var node)) return false;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is not JsonObject parent) return false;
            if (!parent.TryGetPropertyValue(path[i], out node))
                // A member an object lacks is undefined, which the mapping gives as null; beyond it Jint would throw.
                return i == path.Length - 1;
        }
        if (HasNumber(node)) return false;
        value = node?.DeepClone();
        return true;
    }

    private static bool HasNumber(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => HasNumber(p.Value)),
        JsonArray a => a.Any(HasNumber),
        JsonValue v => v.GetValueKind() == JsonValueKind.Number,
        _ => false,
    };
}
