using System.Globalization;

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>Typed reading of CSV cells; a malformed cell refuses its row with a Swedish reason naming the column.</summary>
internal static class CsvCells
{
    public static DateOnly? Date(CsvRow row, string column) =>
        row[column] is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new RowRefusedException(column, $"{column}: '{text}' är inget datum på formen ÅÅÅÅ-MM-DD.");

    /// <summary>Accepts "7000", "7 000" and "7000,50" as well as "7000.50".</summary>
    public static decimal? Amount(CsvRow row, string column) =>
        row[column] is not { } text ? null
        : decimal.TryParse(text.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var amount) ? amount
        : throw new RowRefusedException(column, $"{column}: '{text}' är inget belopp i kronor.");

    public static TEnum Enum<TEnum>(CsvRow row, string column) where TEnum : struct, Enum =>
        row[column] is { } text && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            && !text.All(char.IsAsciiDigit)
            ? value
            : throw new RowRefusedException(column,
                $"{column}: '{row[column]}' är inte en av {string.Join(", ", System.Enum.GetNames<TEnum>())}.");

    public static bool Flag(CsvRow row, string column) =>
        row[column]?.ToLowerInvariant() switch
        {
            null or "0" or "false" or "nej" or "no" => false,
            "1" or "true" or "ja" or "yes" or "x" => true,
            var other => throw new RowRefusedException(column, $"{column}: '{other}' är inte ja/nej."),
        };

    public static string Required(CsvRow row, string column) =>
        row[column] ?? throw new RowRefusedException(column, $"{column}: värde saknas.");
}
