namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>Small checks shared by the validators; each failure names the field and says in Swedish what is wrong.</summary>
internal static class InputRules
{
    public const int ShortText = 200;
    public const int LongText = 2000;
    public const int MaxListItems = 100;

    public static string Text(string? value, string field, string label, int maxLength = ShortText)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new WorkEnvironmentValidationException(field, $"{label} måste fyllas i.");
        return OptionalText(value, field, label, maxLength)!;
    }

    public static string? OptionalText(string? value, string field, string label, int maxLength = LongText)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > 0 } && trimmed.Length > maxLength)
            throw new WorkEnvironmentValidationException(field, $"{label} får vara högst {maxLength} tecken.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    public static IReadOnlyList<T> List<T>(IReadOnlyList<T>? items, string field, string label)
    {
        if (items is { Count: > MaxListItems })
            throw new WorkEnvironmentValidationException(field, $"{label} får ha högst {MaxListItems} rader.");
        return items ?? [];
    }

    public static T Defined<T>(T value, string field, string label) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new WorkEnvironmentValidationException(field, $"{label} har ett okänt värde.");
}
