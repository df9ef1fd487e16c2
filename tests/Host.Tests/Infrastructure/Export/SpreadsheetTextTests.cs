using ClosedXML.Excel;
using RJH.DeviceWorkflows.Host.Infrastructure.Export;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Export;

/// <summary>Issue 13, hole 9: text that a spreadsheet program would run as a formula is exported as plain text.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+46701234567", "'+46701234567")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("iPhone 15", "iPhone 15")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_that_could_start_a_formula_gets_a_leading_apostrophe(string? text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));

    [Fact]
    public void The_table_keeps_numbers_typed_and_writes_dangerous_text_as_text_not_as_a_formula()
    {
        var file = ExcelTable.Write("Blad", ["Namn", "Antal"], [["=1+1", 3], ["@cmd", null], ["Ok", 2.5m]]);

        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet("Blad");
        Assert.Equal("Namn", sheet.Cell(1, 1).GetString());
        Assert.Equal("'=1+1", sheet.Cell(2, 1).GetString());
        Assert.False(sheet.Cell(2, 1).HasFormula);
        Assert.Equal("'@cmd", sheet.Cell(3, 1).GetString());
        Assert.Equal(3d, sheet.Cell(2, 2).GetDouble());
        Assert.True(sheet.Cell(3, 2).IsEmpty());
        Assert.Equal(2.5d, sheet.Cell(4, 2).GetDouble());
    }
}
