using System.Reflection;

namespace RJH.DeviceWorkflows.Engine.Activities;

/// <summary>JSON shape of an activity input or output, as the designer offers a field for it.</summary>
public enum ActivityValueType { String, Number, Boolean, Date, Object, Array }

/// <summary>
/// One input of an activity: <c>&lt;rjh:input name="…" expression="…"/&gt;</c> in BPMN. Declared on the
/// activity class so the catalog, the API and the designer all read one source.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActivityInputAttribute(string name, ActivityValueType type) : Attribute
{
    public string Name { get; } = name;
    public ActivityValueType Type { get; } = type;
    public bool Required { get; init; }
    public string DescriptionSv { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
    /// <summary>The values a string input accepts (an enum), empty when free.</summary>
    public string[] Choices { get; init; } = [];
}

/// <summary>One named result of an activity; output mappings read it as <c>result.&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActivityOutputAttribute(string name, ActivityValueType type) : Attribute
{
    public string Name { get; } = name;
    public ActivityValueType Type { get; } = type;
    public string DescriptionSv { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
}

public sealed record ActivityInputDescriptor(
    string Name, ActivityValueType Type, bool Required, string DescriptionSv, string DescriptionEn, IReadOnlyList<string> Choices);

public sealed record ActivityOutputDescriptor(string Name, ActivityValueType Type, string DescriptionSv, string DescriptionEn);

/// <summary>Everything known about an activity type: what the designer's palette and property fields are made from.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayNameSv,
    string DisplayNameEn,
    string DescriptionSv,
    string DescriptionEn,
    ActivityExecution Execution,
    IReadOnlyList<ActivityInputDescriptor> Inputs,
    IReadOnlyList<ActivityOutputDescriptor> Outputs)
{
    internal static ActivityDescriptor Of(Type type)
    {
        var activity = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        var inputs = type.GetCustomAttributes<ActivityInputAttribute>()
            .Select(i => new ActivityInputDescriptor(i.Name, i.Type, i.Required, i.DescriptionSv, i.DescriptionEn, i.Choices))
            .ToList();
        var outputs = type.GetCustomAttributes<ActivityOutputAttribute>()
            .Select(o => new ActivityOutputDescriptor(o.Name, o.Type, o.DescriptionSv, o.DescriptionEn))
            .ToList();
        var twice = inputs.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key
            ?? outputs.GroupBy(o => o.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
            throw new InvalidOperationException($"{type.Name} declares '{twice}' more than once.");
        // Reflection returns attributes in no promised order: sort so the designer's fields do not jump.
        return new ActivityDescriptor(activity.Type, activity.Category, activity.DisplayNameSv, activity.DisplayNameEn,
            activity.DescriptionSv, activity.DescriptionEn, activity.Execution,
            [.. inputs.OrderByDescending(i => i.Required).ThenBy(i => i.Name, StringComparer.Ordinal)],
            [.. outputs.OrderBy(o => o.Name, StringComparer.Ordinal)]);
    }
}
