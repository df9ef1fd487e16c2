namespace RJH.DeviceWorkflows.Host.Infrastructure.Export;

/// <summary>
/// Text for a spreadsheet cell that a spreadsheet program will never run: a cell starting with <c>= + - @</c>, a tab or
/// a carriage return can be read as a formula (CSV/formula injection), so such text gets a leading apostrophe, which
/// shows the text as it is. Every export of text that users or imports wrote goes through here.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Array.IndexOf(Triggers, text[0]) >= 0 ? "'" + text : text;
}
