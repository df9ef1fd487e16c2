using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// An uploaded device file as the CSV text the register's import reads: a .csv as it is, an .xlsx (first sheet, first row
/// the header) turned into CSV, so both go through the same checks row by row.
/// </summary>
internal static class ImportFile
{
    /// <exception cref="RegisterValidationException">Too large, not .csv/.xlsx, or an .xlsx that cannot be read.</exception>
    public static async Task<string> ReadAsync(IBrowserFile file, int maxBytes, CancellationToken ct)
    {
        if (file.Size > maxBytes) throw new RegisterValidationException("file", $"Filen är större än {maxBytes / 1024} KB.");
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(maxBytes, ct)) await stream.CopyToAsync(buffer, ct);
        if (buffer.Length == 0) throw new RegisterValidationException("file", "Filen är tom.");
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            ".xlsx" => XlsxToCsv(buffer),
            _ => throw new RegisterValidationException("file", "Välj en .csv- eller .xlsx-fil."),
        };
    }

    private static string XlsxToCsv(MemoryStream xlsx)
    {
        xlsx.Position = 0;
        try
        {
            using var workbook = new XLWorkbook(xlsx);
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) throw new RegisterValidationException("file", "Kalkylbladet är tomt.");
            var text = new StringBuilder();
            var columns = used.ColumnCount();
            foreach (var row in used.Rows())
                text.AppendJoin(',', Enumerable.Range(1, columns).Select(c => Quote(CellText(row.Cell(c))))).Append('\n');
            return text.ToString();
        }
        catch (Exception e) when (e is not RegisterValidationException and not OperationCanceledException)
        {
            throw new RegisterValidationException("file", "Excelfilen kan inte läsas.");
        }
    }

    /// <summary>Numbers in full (an IMEI typed into Excel is a number), dates as ISO dates, the rest as text.</summary>
    private static string CellText(IXLCell cell) => cell.Value switch
    {
        double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
