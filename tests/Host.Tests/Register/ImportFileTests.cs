using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using RJH.DeviceWorkflows.Host.Features.Register;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Tests.Register;

/// <summary>The import page's file reading: an .xlsx becomes the CSV the register's import checks, a .csv stays as it is.</summary>
public sealed class ImportFileTests
{
    [Fact]
    public async Task An_xlsx_becomes_csv_with_imeis_in_full_iso_dates_and_quoted_commas()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Telefoner");
        string[] header = ["imei", "serial", "model", "type", "purchaseDate", "priceSek"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        sheet.Cell(2, 1).Value = 353284150123407d;   // typed into Excel, an IMEI is a number
        sheet.Cell(2, 2).Value = "SN1";
        sheet.Cell(2, 3).Value = "iPhone 15, 128 GB";
        sheet.Cell(2, 4).Value = "Phone";
        sheet.Cell(2, 5).Value = new DateTime(2025, 3, 1);
        sheet.Cell(2, 6).Value = 4500.5d;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var csv = await ImportFile.ReadAsync(new FakeFile("telefoner.xlsx", stream.ToArray()), 1024 * 1024, CancellationToken.None);

        Assert.Equal("imei,serial,model,type,purchaseDate,priceSek\n353284150123407,SN1,\"iPhone 15, 128 GB\",Phone,2025-03-01,4500.5\n", csv);
    }

    [Fact]
    public async Task A_csv_is_read_as_it_is_and_other_files_too_large_or_unreadable_are_refused()
    {
        var text = "imei,serial,model,type\n,SN1,iPhone 15,Phone\n";
        Assert.Equal(text, await ImportFile.ReadAsync(new FakeFile("a.csv", System.Text.Encoding.UTF8.GetBytes(text)), 1024, CancellationToken.None));

        await Assert.ThrowsAsync<RegisterValidationException>(() => ImportFile.ReadAsync(new FakeFile("a.pdf", [1, 2, 3]), 1024, CancellationToken.None));
        await Assert.ThrowsAsync<RegisterValidationException>(() => ImportFile.ReadAsync(new FakeFile("a.csv", new byte[2048]), 1024, CancellationToken.None));
        await Assert.ThrowsAsync<RegisterValidationException>(() => ImportFile.ReadAsync(new FakeFile("a.xlsx", [1, 2, 3]), 1024, CancellationToken.None));
    }

    private sealed class FakeFile(string name, byte[] content) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => content.Length;
        public string ContentType => "application/octet-stream";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            content.Length > maxAllowedSize ? throw new IOException("too large") : new MemoryStream(content);
    }
}
