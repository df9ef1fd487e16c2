using System.Globalization;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>
/// A task form as stored in <c>workflows/forms/&lt;formKey&gt;.form</c>: the form-js JSON schema (so the designer can
/// open it in form-js), read tolerantly: what we do not use is ignored. Our additions live in each component's
/// <c>properties</c> map, which form-js keeps as it is: <c>label.en</c>/<c>text.en</c>/<c>description.en</c> (English),
/// <c>rjh:requiredWhen</c> (a condition that makes the field required), <c>rjh:list</c> (<c>lines</c>: one item per line,
/// stored as a list of strings) and <c>rjh:personal</c> (personal data).
/// </summary>
public sealed record FormSchema(string Key, string? Title, string? TitleEn, IReadOnlyList<FormComponent> Components)
{
    /// <summary>Every component that holds a value, with its full path ("terms.workingHours").</summary>
    public IEnumerable<FormComponent> Fields => Flatten(Components).Where(c => c.Key is not null);

    private static IEnumerable<FormComponent> Flatten(IEnumerable<FormComponent> components) =>
        components.SelectMany(c => c.Components.Count > 0 ? Flatten(c.Components) : [c]);

    public string TitleFor(CultureInfo culture) => Localized(Title, TitleEn, culture) ?? Key;

    public static string? Localized(string? swedish, string? english, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && english is not null ? english : swedish;

    public static FormSchema Parse(string key, JsonNode json)
    {
        var properties = json["properties"] as JsonObject;
        var components = ((json["components"] as JsonArray) ?? []).OfType<JsonObject>().Select(c => FormComponent.Parse(c, null)).ToList();
        return new FormSchema(key, Text(properties?["title"]), Text(properties?["title.en"]), components);
    }

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <param name="Path">The variable path: the key inside the groups' paths ("noticePeriod.value"); null for text and layout.</param>
public sealed record FormComponent(
    string Type,
    string? Key,
    string? Path,
    string? Label,
    string? LabelEn,
    string? Text,
    string? TextEn,
    string? Description,
    string? DescriptionEn,
    FormValidation Validate,
    IReadOnlyList<FormOption> Values,
    string? ValuesKey,
    FormCondition? HideWhen,
    FormCondition? RequiredWhen,
    bool IsList,
    bool IsPersonal,
    string? Subtype,
    IReadOnlyList<FormComponent> Components)
{
    /// <summary>A value a person enters (not text, separator or group).</summary>
    public bool HoldsValue => Key is not null;

    public string LabelFor(CultureInfo culture) => FormSchema.Localized(Label, LabelEn, culture) ?? Key ?? "";
    public string? TextFor(CultureInfo culture) => FormSchema.Localized(Text, TextEn, culture);
    public string? DescriptionFor(CultureInfo culture) => FormSchema.Localized(Description, DescriptionEn, culture);

    internal static FormComponent Parse(JsonObject json, string? parentPath)
    {
        var properties = json["properties"] as JsonObject;
        var type = FormSchema.Text(json["type"]) ?? "text";
        var key = FormSchema.Text(json["key"]);
        var groupPath = FormSchema.Text(json["path"]);
        var ownPath = Join(parentPath, groupPath);
        var validate = json["validate"] as JsonObject;
        var children = ((json["components"] as JsonArray) ?? []).OfType<JsonObject>().Select(c => Parse(c, ownPath)).ToList();
        return new FormComponent(
            type,
            key is null || type is "group" ? null : key,
            key is null || type is "group" ? null : Join(parentPath, key),
            FormSchema.Text(json["label"]),
            FormSchema.Text(properties?["label.en"]),
            FormSchema.Text(json["text"]),
            FormSchema.Text(properties?["text.en"]),
            FormSchema.Text(json["description"]),
            FormSchema.Text(properties?["description.en"]),
            new FormValidation(
                validate?["required"]?.GetValue<bool>() == true,
                Number(validate?["min"]), Number(validate?["max"]),
                (int?)Number(validate?["minLength"]), (int?)Number(validate?["maxLength"]),
                FormSchema.Text(validate?["pattern"])),
            ((json["values"] as JsonArray) ?? []).OfType<JsonObject>().Select(FormOption.Parse).ToList(),
            FormSchema.Text(json["valuesKey"]),
            FormCondition.Parse(FormSchema.Text((json["conditional"] as JsonObject)?["hide"])),
            FormCondition.Parse(FormSchema.Text(properties?["rjh:requiredWhen"])),
            FormSchema.Text(properties?["rjh:list"]) == "lines",
            FormSchema.Text(properties?["rjh:personal"]) == "true",
            FormSchema.Text(json["subtype"]),
            children);
    }

    private static string? Join(string? parent, string? child) =>
        child is null ? parent : parent is null ? child : parent + "." + child;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}

public sealed record FormValidation(bool Required, double? Min, double? Max, int? MinLength, int? MaxLength, string? Pattern);

public sealed record FormOption(string Label, string? LabelEn, JsonNode? Value)
{
    public string LabelFor(CultureInfo culture) => FormSchema.Localized(Label, LabelEn, culture) ?? Label;

    internal static FormOption Parse(JsonObject json) =>
        new(FormSchema.Text(json["label"]) ?? "", FormSchema.Text((json["properties"] as JsonObject)?["label.en"]), json["value"]?.DeepClone());
}
