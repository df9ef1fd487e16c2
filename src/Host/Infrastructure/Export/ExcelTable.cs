using ClosedXML.Excel;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Export;

/// <summary>
/// One sheet of a header row and data rows as an .xlsx file. Text cells pass <see cref="SpreadsheetText.Neutralise"/>
/// and are stored as text (never parsed as a formula); numbers and dates stay typed so they can be summed and sorted.
/// </summary>
public static class ExcelTable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
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
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
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
