namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>The kinds of input column, by the name a table uses for them.</summary>
internal enum ColumnKind { Boolean, Enum, String, Number, Date }

internal static class ColumnKinds
{
    public static readonly IReadOnlyDictionary<string, ColumnKind> ByName = new Dictionary<string, ColumnKind>(StringComparer.Ordinal)
    {
        ["boolean"] = ColumnKind.Boolean, ["enum"] = ColumnKind.Enum, ["string"] = ColumnKind.String,
        ["number"] = ColumnKind.Number, ["date"] = ColumnKind.Date,
    };

    private static readonly HashSet<Type> Numbers =
        [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(decimal), typeof(double), typeof(float)];

    /// <summary>The kind a value of <paramref name="type"/> is, or null when no cell could test it.</summary>
    public static ColumnKind? Of(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(bool)) return ColumnKind.Boolean;
        if (plain.IsEnum) return ColumnKind.Enum;
        if (plain == typeof(string)) return ColumnKind.String;
        if (Numbers.Contains(plain)) return ColumnKind.Number;
        if (plain == typeof(DateTimeOffset) || plain == typeof(DateTime)) return ColumnKind.Date;
        return null;
    }

    public static string NameOf(ColumnKind kind) => ByName.First(p => p.Value == kind).Key;
}
