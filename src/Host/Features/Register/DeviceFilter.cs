using Microsoft.AspNetCore.WebUtilities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// The device list's filter as the page holds it and as the export link carries it in its query string
/// (<c>q, status, type, mdm, unit, loan, sort, desc</c>), so the file holds exactly the rows the list shows.
/// </summary>
internal sealed record DeviceFilter
{
    public const string ExportPath = "/register/devices/export";

    public string? Q { get; init; }
    public DeviceStatus? Status { get; init; }
    public DeviceType? Type { get; init; }
    public MdmState? Mdm { get; init; }
    public string? Unit { get; init; }
    public LoanFilter Loan { get; init; }
    public DeviceSort Sort { get; init; }
    public bool Desc { get; init; }

    public DeviceSearch ToSearch(int offset = 0, int pageSize = 25) => new()
    {
        Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), Status = Status, Type = Type, MdmState = Mdm,
        UnitId = string.IsNullOrWhiteSpace(Unit) ? null : Unit, Loan = Loan, Sort = Sort, Descending = Desc,
        Offset = offset, PageSize = pageSize,
    };

    public string ExportUrl()
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            ["status"] = Status?.ToString(),
            ["type"] = Type?.ToString(),
            ["mdm"] = Mdm?.ToString(),
            ["unit"] = string.IsNullOrWhiteSpace(Unit) ? null : Unit,
            ["loan"] = Loan == LoanFilter.Any ? null : Loan.ToString(),
            ["sort"] = Sort == DeviceSort.Model ? null : Sort.ToString(),
            ["desc"] = Desc ? "true" : null,
        };
        return QueryHelpers.AddQueryString(ExportPath, query.Where(p => p.Value is not null));
    }
}
