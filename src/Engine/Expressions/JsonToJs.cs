using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Native;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// Hands JSON values to Jint as JavaScript values directly. The same values <c>JSON.parse</c> would give, without
/// writing and re-reading JSON text: Jint's JSON parser allocates its string-interning tables on every parse, which
/// made a third of everything an inline step allocated.
/// </summary>
internal static class JsonToJs
{
    public static JsValue Convert(Jint.Engine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonObject o => Object(engine, o),
        JsonArray a => Array(engine, a),
        JsonValue v => Primitive(v),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Not a JSON node."),
    };

    private static JsObject Object(Jint.Engine engine, JsonObject o)
    {
        var result = new JsObject(engine);
        // A data property even for "__proto__", as JSON.parse defines it.
        foreach (var (name, value) in o) result.CreateDataProperty(name, Convert(engine, value));
        return result;
    }

    /// <summary>An object with only the named members of <paramref name="o"/> (those it has), in its order.</summary>
    public static JsObject Members(Jint.Engine engine, JsonObject o, IReadOnlySet<string> members)
    {
        var result = new JsObject(engine);
        foreach (var (name, value) in o)
            if (members.Contains(name)) result.CreateDataProperty(name, Convert(engine, value));
        return result;
    }

    private static JsArray Array(Jint.Engine engine, JsonArray a)
    {
        var items = new JsValue[a.Count];
        for (var i = 0; i < items.Length; i++) items[i] = Convert(engine, a[i]);
        return new JsArray(engine, items);
    }

    private static JsValue Primitive(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.String => JsString.Create(v.GetValue<string>()),
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.Number => JsNumber.Create(Number(v)),
        _ => JsValue.Null,
    };

    // A number may be held as any CLR numeric type or as a JsonElement; JavaScript sees every one as a double.
    private static double Number(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d
        : v.TryGetValue<long>(out var l) ? l
        : v.TryGetValue<int>(out var i) ? i
        : v.TryGetValue<decimal>(out var m) ? (double)m
        : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
