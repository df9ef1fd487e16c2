using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities;

/// <summary>
/// Typed reads of an activity's inputs. A missing or malformed required input is a fault of the model,
/// so it fails the step (an incident naming the input) rather than guessing.
/// </summary>
public static class ActivityInputs
{
    public static string RequiredString(this ActivityContext context, string name) =>
        context.OptionalString(name) ?? throw Missing(context, name, "a text");

    public static string? OptionalString(this ActivityContext context, string name) => context.Input(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => throw Malformed(context, name, "a text"),
    };

    public static Guid RequiredGuid(this ActivityContext context, string name) =>
        context.OptionalGuid(name) ?? throw Missing(context, name, "an id");

    public static Guid? OptionalGuid(this ActivityContext context, string name) => context.OptionalString(name) switch
    {
        null => null,
        var s when Guid.TryParse(s, out var id) => id,
        _ => throw Malformed(context, name, "an id (GUID)"),
    };

    public static int? OptionalInt(this ActivityContext context, string name) => context.Input(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var i) => i,
        _ => throw Malformed(context, name, "a whole number"),
    };

    public static bool OptionalBool(this ActivityContext context, string name, bool fallback = false) => context.Input(name) switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw Malformed(context, name, "true or false"),
    };

    /// <summary>An ISO-8601 date or date-time; a bare date means its midnight in UTC.</summary>
    public static DateTimeOffset? OptionalInstant(this ActivityContext context, string name) => context.OptionalString(name) switch
    {
        null => null,
        var s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
        _ => throw Malformed(context, name, "an ISO-8601 date or date-time"),
    };

    public static TEnum RequiredEnum<TEnum>(this ActivityContext context, string name) where TEnum : struct, Enum =>
        context.OptionalEnum<TEnum>(name) ?? throw Missing(context, name, string.Join(" | ", Enum.GetNames<TEnum>()));

    public static TEnum? OptionalEnum<TEnum>(this ActivityContext context, string name) where TEnum : struct, Enum =>
        context.OptionalString(name) switch
        {
            null => null,
            var s when Enum.TryParse<TEnum>(s, ignoreCase: false, out var value) && Enum.IsDefined(value) => value,
            _ => throw Malformed(context, name, string.Join(" | ", Enum.GetNames<TEnum>())),
        };

    public static IReadOnlyList<string> StringList(this ActivityContext context, string name) => context.Input(name) switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw Malformed(context, name, "a list of texts"))],
        _ => throw Malformed(context, name, "a list of texts"),
    };

    public static JsonObject RequiredObject(this ActivityContext context, string name) =>
        context.Input(name) as JsonObject ?? throw Missing(context, name, "an object");

    public static bool RequiredBool(this ActivityContext context, string name) => context.Input(name) switch
    {
        null => throw Missing(context, name, "true or false"),
        _ => context.OptionalBool(name),
    };

    /// <summary>A list of texts that must be there (it may be empty).</summary>
    public static IReadOnlyList<string> RequiredStringList(this ActivityContext context, string name) =>
        context.Input(name) is null ? throw Missing(context, name, "a list of texts") : context.StringList(name);

    public static JsonArray RequiredArray(this ActivityContext context, string name) =>
        context.Input(name) as JsonArray ?? throw Missing(context, name, "a list");

    /// <summary>A list whose items are all objects, e.g. the sign-offs a multi-instance task collected.</summary>
    public static IReadOnlyList<JsonObject> RequiredObjectList(this ActivityContext context, string name) =>
        [.. context.RequiredArray(name).Select(item => item as JsonObject ?? throw Malformed(context, name, "a list of objects"))];

    /// <summary>A text field of an object item; numbers and booleans as their JSON text, blank as null.</summary>
    public static string? Text(this JsonObject item, string name) => item[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    /// <summary>A boolean field of an object item; anything but <c>true</c> is false.</summary>
    public static bool Flag(this JsonObject item, string name) => item[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Key for one of several changes an activity makes: stable per execution, different per part.</summary>
    public static string OperationKey(this ActivityContext context, string part) => $"{context.IdempotencyKey}:{part}";

    /// <summary>The result of an activity: named outputs as JSON.</summary>
    public static ActivityResult Outputs(params (string Name, object? Value)[] outputs) =>
        new(outputs.ToDictionary(o => o.Name, o => o.Value is JsonNode node ? node : JsonSerializer.SerializeToNode(o.Value, Json)));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static InvalidOperationException Missing(ActivityContext context, string name, string what) =>
        new($"Step '{context.ElementId}' needs the input '{name}': {what}.");

    private static InvalidOperationException Malformed(ActivityContext context, string name, string what) =>
        new($"Step '{context.ElementId}': the input '{name}' must be {what}.");
}
