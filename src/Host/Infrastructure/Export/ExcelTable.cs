using ClosedXML.Excel;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Export;

/// <summary>
/// One sheet of a header row and data rows as an .xlsx file. Text cells pass <see cref="SpreadsheetText.Neutralise"/>
/// and are stored as text (never parsed as a formula); numbers and dates stay typed so they can be summed and sorted.
/// </summary>
public static class ExcelTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write([new ExcelSheet(sheetName, headers, rows)]);

    /// <summary>Several such sheets in one workbook, in this order.</summary>
    public static byte[] Write(IEnumerable<ExcelSheet> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var content in sheets) Fill(workbook.Worksheets.Add(content.Name), content.Headers, content.Rows);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Fill(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            Text(sheet.Cell(1, c + 1), headers[c]);
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++) Set(sheet.Cell(r, c + 1), row[c]);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int or long or decimal or double:
                cell.Value = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case DateTimeOffset at:
                // Region time, as the pages show it; Excel has no time zones.
                cell.Value = RJH.DeviceWorkflows.Host.Ui.UiCultures.ToStockholm(at).DateTime;
                cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                break;
            default:
                Text(cell, Convert.ToString(value, System.Globalization.CultureInfo.CurrentCulture));
                break;
        }
    }

    private static void Text(IXLCell cell, string? text)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(SpreadsheetText.Neutralise(text));
    }
}

/// <summary>One sheet of <see cref="ExcelTable.Write(IEnumerable{ExcelSheet})"/>: its name (at most 31 characters), header row and data rows.</summary>
public sealed record ExcelSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);
