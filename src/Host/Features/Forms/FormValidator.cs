using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>What a completion may set: the cleaned values, or the errors by field path (nothing is stored then).</summary>
public sealed record FormResult(JsonObject Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a task completion against its form, the same for the page and for <c>POST /api/tasks/{id}/complete</c>:
/// only the fields the form declares may be set (anything else — a forged <c>employee.managerUserName</c>, say — is
/// refused), required and conditionally required fields, types, allowed values, lengths, bounds and patterns.
/// Hidden fields are dropped. Messages are Swedish, for the person at the form and the API client alike.
/// </summary>
public static class FormValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public static FormResult Validate(FormSchema form, JsonObject? submitted, JsonObject taskVariables)
    {
        submitted ??= [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fields = form.Fields.ToDictionary(f => f.Path!, StringComparer.Ordinal);
        foreach (var path in Leaves(submitted, fields))
            if (!fields.ContainsKey(path)) errors[path] = ["Fältet finns inte i formuläret."];

        JsonNode? Read(string path) => Get(submitted, path) ?? Get(taskVariables, path);
        var values = new JsonObject();
        foreach (var field in fields.Values)
        {
            if (field.HideWhen?.Holds(Read) == true) continue;
            var value = Get(submitted, field.Path!);
            var required = field.Validate.Required || field.RequiredWhen?.Holds(Read) == true;
            if (IsEmpty(value))
            {
                if (required) errors[field.Path!] = ["Fältet är obligatoriskt."];
                continue;
            }
            if (Check(field, value!, required, taskVariables) is { } error) errors[field.Path!] = [error];
            else Set(values, field.Path!, value!.DeepClone());
        }
        return new FormResult(values, errors);
    }

    /// <summary>A task without a form declares no field, so every submitted value is refused, each by name.</summary>
    public static FormResult NoForm(JsonObject submitted) => new([],
        submitted.ToDictionary(p => p.Key, _ => new[] { "Uppgiften har inget formulär och tar inga värden." }, StringComparer.Ordinal));

    private static string? Check(FormComponent field, JsonNode value, bool required, JsonObject taskVariables) => field.Type switch
    {
        "checkbox" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? required && value.GetValueKind() == JsonValueKind.False ? "Fältet är obligatoriskt." : null
            : "Ange sant eller falskt.",
        "number" => TryNumber(value, out var number)
            ? Bounds(field.Validate, number)
            : "Ange ett tal.",
        "radio" or "select" => Options(field, taskVariables).Any(o => JsonNode.DeepEquals(o, value)) ? null : "Värdet är inte ett av alternativen.",
        "checklist" => value is JsonArray items
            ? items.All(i => Options(field, taskVariables).Any(o => JsonNode.DeepEquals(o, i))) ? null : "Ett värde är inte ett av alternativen."
            : "Ange en lista.",
        "datetime" => value is JsonValue d && d.TryGetValue<string>(out var date)
                && (DateOnly.TryParse(date, CultureInfo.InvariantCulture, out _) || DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, out _))
            ? null
            : "Ange ett datum (ÅÅÅÅ-MM-DD).",
        _ when field.IsList => value is JsonArray lines && lines.All(l => l is JsonValue v && v.TryGetValue<string>(out _))
            ? lines.Select(l => Text(field.Validate, l!.GetValue<string>())).FirstOrDefault(e => e is not null)
            : "Ange en lista med texter.",
        _ => value is JsonValue s && s.TryGetValue<string>(out var text) ? Text(field.Validate, text) : "Ange en text.",
    };

    /// <summary>Any JSON number, whether parsed from a request or built in memory by a page (a long is no double to
    /// <see cref="JsonValue.TryGetValue{T}"/>).</summary>
    private static bool TryNumber(JsonNode value, out double number)
    {
        number = 0;
        return value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static string? Text(FormValidation rules, string text)
    {
        if (rules.MinLength is { } min && text.Length < min) return $"Minst {min} tecken.";
        if (rules.MaxLength is { } max && text.Length > max) return $"Högst {max} tecken.";
        if (rules.Pattern is { } pattern)
        {
            try
            {
                if (!Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout)) return "Värdet har fel format.";
            }
            catch (RegexMatchTimeoutException)
            {
                return "Värdet har fel format.";
            }
        }
        return null;
    }

    private static string? Bounds(FormValidation rules, double number) =>
        rules.Min is { } min && number < min ? $"Minst {min.ToString(CultureInfo.InvariantCulture)}."
        : rules.Max is { } max && number > max ? $"Högst {max.ToString(CultureInfo.InvariantCulture)}."
        : null;

    /// <summary>The allowed values: the form's own, or (valuesKey) a list in the task's variables.</summary>
    public static IReadOnlyList<JsonNode?> Options(FormComponent field, JsonObject taskVariables) =>
        field.ValuesKey is { } key
            ? (Get(taskVariables, key) as JsonArray ?? []).Select(OptionValue).ToList()
            : field.Values.Select(v => v.Value).ToList();

    private static JsonNode? OptionValue(JsonNode? item) => item is JsonObject o && o["value"] is { } value ? value : item;

    private static bool IsEmpty(JsonNode? value) =>
        value is null
        || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
        || value is JsonArray { Count: 0 };

    /// <summary>Paths of the submitted values: nested objects are followed only where the form has a group of that path.</summary>
    private static IEnumerable<string> Leaves(JsonObject obj, IReadOnlyDictionary<string, FormComponent> fields, string? prefix = null)
    {
        foreach (var (name, node) in obj)
        {
            var path = prefix is null ? name : prefix + "." + name;
            var isGroup = fields.Keys.Any(f => f.StartsWith(path + ".", StringComparison.Ordinal));
            if (node is JsonObject inner && isGroup)
                foreach (var leaf in Leaves(inner, fields, path)) yield return leaf;
            else yield return path;
        }
    }

    public static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return node;
    }

    private static void Set(JsonObject obj, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var target = obj;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject next) target[part] = next = new JsonObject();
            target = next;
        }
        target[parts[^1]] = value;
    }
}
