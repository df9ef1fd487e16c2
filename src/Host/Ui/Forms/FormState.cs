using System.Globalization;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Features.Forms;

namespace RJH.DeviceWorkflows.Host.Ui.Forms;

/// <summary>
/// What a person has typed into a form, kept as the inputs hold it (text, number, ticks), so nothing is lost when a
/// completion is refused; <see cref="ToJson"/> turns it into the variables the form declares.
/// </summary>
public sealed class FormState(FormSchema form, JsonObject taskVariables)
{
    private readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> ticks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> lists = new(StringComparer.Ordinal);

    public FormSchema Form => form;
    public JsonObject TaskVariables => taskVariables;

    public string? Text(string path) => texts.GetValueOrDefault(path);
    public void SetText(string path, string? value) => texts[path] = value;
    public double? Number(string path) => numbers.GetValueOrDefault(path);
    public void SetNumber(string path, double? value) => numbers[path] = value;
    public bool Tick(string path) => ticks.GetValueOrDefault(path);
    public void SetTick(string path, bool value) => ticks[path] = value;
    public bool Has(string path, string option) => lists.TryGetValue(path, out var set) && set.Contains(option);

    public void Toggle(string path, string option, bool on)
    {
        if (!lists.TryGetValue(path, out var set)) lists[path] = set = [];
        if (on) set.Add(option);
        else set.Remove(option);
    }

    /// <summary>An option as the inputs carry it: its JSON text (true, "Transfer", 3).</summary>
    public static string Key(JsonNode? value) => value?.ToJsonString() ?? "null";

    /// <summary>The options of a radio, select or checklist: the form's own or a list in the task's variables.</summary>
    public IReadOnlyList<(string Key, string Label)> Options(FormComponent field, CultureInfo culture) =>
        field.ValuesKey is not null
            ? FormValidator.Options(field, taskVariables).Select(v => (Key(v), v is JsonValue s && s.TryGetValue<string>(out var t) ? t : Key(v))).ToList()
            : field.Values.Select(v => (Key(v.Value), v.LabelFor(culture))).ToList();

    /// <summary>For conditions (hide, required when): the typed value of a path, else the task's variable.</summary>
    public JsonNode? Read(string path) => Value(form.Fields.FirstOrDefault(f => f.Path == path), path) ?? FormValidator.Get(taskVariables, path);

    public JsonObject ToJson()
    {
        var result = new JsonObject();
        foreach (var field in form.Fields)
        {
            if (Value(field, field.Path!) is not { } value) continue;
            var parts = field.Path!.Split('.');
            var target = result;
            foreach (var part in parts[..^1])
            {
                if (target[part] is not JsonObject next) target[part] = next = new JsonObject();
                target = next;
            }
            target[parts[^1]] = value;
        }
        return result;
    }

    private JsonNode? Value(FormComponent? field, string path)
    {
        if (field is null) return null;
        switch (field.Type)
        {
            case "checkbox":
                return ticks.TryGetValue(path, out var tick) ? JsonValue.Create(tick) : null;
            case "number":
                return numbers.GetValueOrDefault(path) is { } n ? n % 1 == 0 ? JsonValue.Create((long)n) : JsonValue.Create(n) : null;
            case "radio" or "select":
                return texts.GetValueOrDefault(path) is { } key ? JsonNode.Parse(key) : null;
            case "checklist":
                return lists.TryGetValue(path, out var set) ? new JsonArray(set.Select(k => JsonNode.Parse(k)).ToArray()) : null;
        }
        var text = texts.GetValueOrDefault(path);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return field.IsList
            ? new JsonArray(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.Length > 0).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray())
            : JsonValue.Create(text.Trim());
    }
}
