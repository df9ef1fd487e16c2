using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>One reason a form schema is refused; <see cref="Component"/> is the component's id (or key) when it is about one.</summary>
public sealed record FormProblem(string? Component, string Message);

/// <summary>
/// What the forms editor may save: form-js JSON that the task pages' renderer and the completion check understand
/// the same way — known component types only, a valid and unique key for every field (by its full path through
/// groups), options for choices, conditions of the subset <see cref="FormCondition"/> reads and patterns that compile.
/// Messages are Swedish, for the process owner at the editor.
/// </summary>
public static partial class FormSchemaCheck
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The component types FormRenderer draws and FormValidator checks.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "separator", "group", "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime",
    };

    private static readonly HashSet<string> WithoutValue = ["text", "separator", "group"];
    private static readonly HashSet<string> Choices = ["radio", "select", "checklist"];

    public static IReadOnlyList<FormProblem> Check(string json)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes) return [new(null, $"Formuläret är större än {MaxBytes / 1024} kB.")];
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException e)
        {
            return [new(null, $"Formuläret är inte giltig JSON: {e.Message}")];
        }
        if (root?["components"] is not JsonArray components) return [new(null, "Formuläret saknar listan components.")];
        var problems = new List<FormProblem>();
        CheckAll(components, null, problems, new HashSet<string>(StringComparer.Ordinal));
        return problems;
    }

    private static void CheckAll(JsonArray components, string? parentPath, List<FormProblem> problems, HashSet<string> paths)
    {
        foreach (var node in components)
        {
            if (node is not JsonObject component)
            {
                problems.Add(new(null, "Varje komponent ska vara ett objekt."));
                continue;
            }
            var type = FormSchema.Text(component["type"]);
            var key = FormSchema.Text(component["key"]);
            var name = FormSchema.Text(component["id"]) ?? key ?? type ?? "?";
            if (type is null || !KnownTypes.Contains(type))
            {
                problems.Add(new(name, $"Komponenttypen '{type}' stöds inte. Tillåtna: {string.Join(", ", KnownTypes.Order(StringComparer.Ordinal))}."));
                continue;
            }
            if (type == "group")
            {
                var path = FormSchema.Text(component["path"]);
                if (path is not null && !PathPattern().IsMatch(path))
                    problems.Add(new(name, $"Gruppens sökväg '{path}' är inte giltig (bokstäver, siffror och _, delar åtskilda med punkt)."));
                var groupPath = path is null ? parentPath : parentPath is null ? path : parentPath + "." + path;
                CheckAll(component["components"] as JsonArray ?? [], groupPath, problems, paths);
            }
            else if (!WithoutValue.Contains(type))
            {
                CheckField(component, type, key, name, parentPath, problems, paths);
            }
            CheckCondition(name, FormSchema.Text((component["conditional"] as JsonObject)?["hide"]), "Villkoret för att dölja", problems);
        }
    }

    private static void CheckField(JsonObject component, string type, string? key, string name, string? parentPath,
        List<FormProblem> problems, HashSet<string> paths)
    {
        if (key is null || !KeyPattern().IsMatch(key))
        {
            problems.Add(new(name, $"Fältet behöver en nyckel (bokstäver, siffror och _, börjar med bokstav); '{key}' duger inte."));
            return;
        }
        var path = parentPath is null ? key : parentPath + "." + key;
        if (!paths.Add(path)) problems.Add(new(name, $"Nyckeln '{path}' finns redan i formuläret; varje fält behöver en egen."));
        if (Choices.Contains(type) && FormSchema.Text(component["valuesKey"]) is null
            && (component["values"] as JsonArray ?? []).Count == 0)
            problems.Add(new(name, $"Fältet '{key}' är ett val men har inga alternativ."));
        var properties = component["properties"] as JsonObject;
        CheckCondition(name, FormSchema.Text(properties?["rjh:requiredWhen"]), "Villkoret för obligatoriskt", problems);
        if (FormSchema.Text((component["validate"] as JsonObject)?["pattern"]) is { } pattern)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                problems.Add(new(name, $"Mönstret '{pattern}' är inte ett giltigt reguljärt uttryck."));
            }
        }
    }

    private static void CheckCondition(string name, string? condition, string what, List<FormProblem> problems)
    {
        try
        {
            FormCondition.Parse(condition);
        }
        catch (FormatException)
        {
            problems.Add(new(name, $"{what} '{condition}' förstås inte: skriv 'fält = värde' eller 'fält != värde' (true, false, null, ett tal eller en text inom \"\")."));
        }
        catch (JsonException)
        {
            problems.Add(new(name, $"{what} '{condition}' har ett värde som inte går att läsa."));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex PathPattern();
}
