using System.Text;

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>One data row of a CSV file; <see cref="Row"/> counts records from the header, which is row 1.</summary>
internal sealed record CsvRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell, or null when the column is missing or the cell empty.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
}

/// <summary>
/// Reads a CSV file (RFC 4180: quoted cells may hold delimiters, quotes and line breaks) with a header row.
/// The delimiter is a semicolon when the header has more of them than commas, as Swedish Excel writes it.
/// </summary>
internal static class CsvTable
{
    /// <exception cref="RegisterValidationException">No header, a required column missing, or more rows than allowed.</exception>
    public static IReadOnlyList<CsvRow> Read(string text, IReadOnlyCollection<string> requiredColumns, int maxRows)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        using var records = Records(text, delimiter).GetEnumerator();
        if (!records.MoveNext() || records.Current.All(string.IsNullOrWhiteSpace))
            throw new RegisterValidationException("file", "Filen saknar rubrikrad.");
        var columns = records.Current.Select(h => h.Trim()).ToList();
        var missing = requiredColumns.Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new RegisterValidationException("file", $"Kolumner saknas i rubrikraden: {string.Join(", ", missing)}.");

        var rows = new List<CsvRow>();
        for (var row = 2; records.MoveNext(); row++)
        {
            if (records.Current.All(string.IsNullOrWhiteSpace)) continue; // an empty line is not a row
            if (rows.Count >= maxRows)
                throw new RegisterValidationException("file", $"Filen har fler än {maxRows} rader; dela upp den.");
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++) cells[columns[i]] = i < records.Current.Count ? records.Current[i] : "";
            rows.Add(new CsvRow(row, cells));
        }
        return rows;
    }

    private static IEnumerable<List<string>> Records(string text, char delimiter)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { record.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n')
            {
                record.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                yield return record;
                record = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString().TrimEnd('\r'));
            yield return record;
        }
    }
}
