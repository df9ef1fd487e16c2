using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Export;
using RJH.DeviceWorkflows.Host.Ui;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>
/// The device list's Excel download for the signed-in browser (cookie): the same filter and the same register
/// search as the page, every matching row (up to <see cref="DeviceSearch.MaxExportRows"/>), text neutralised.
/// </summary>
internal static class DeviceExportEndpoints
{
    public static IEndpointRouteBuilder MapDeviceExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(DeviceFilter.ExportPath, Export)
            .RequireAuthorization(p => p.RequireRole(RegisterAccessRoles.Readers.Split(',')))
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Export(ClaimsPrincipal user, HttpResponse response, [FromServices] IDeviceSearch search,
        [FromServices] IStringLocalizer<RegisterLabels> text, [FromServices] TimeProvider clock, CancellationToken ct,
        string? q = null, DeviceStatus? status = null, DeviceType? type = null, MdmState? mdm = null, string? unit = null,
        LoanFilter loan = LoanFilter.Any, DeviceSort sort = DeviceSort.Model, bool desc = false)
    {
        var filter = new DeviceFilter { Q = q, Status = status, Type = type, Mdm = mdm, Unit = unit, Loan = loan, Sort = sort, Desc = desc };
        var rows = await search.ExportAsync(user.ToRegisterUser(), filter.ToSearch(), ct);
        string[] headers =
        [
            text["Imei"], text["Serial"], text["Model"], text["Type"], text["Status"], text["MdmState"], text["ActivationLock"],
            text["Unit"], text["UnitId"], text["Holder"], text["EmployeeId"], text["Number"], text["LoanPool"], text["Updated"],
        ];
        var file = ExcelTable.Write(text["DevicesSheet"], headers, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Imei, r.Serial, r.Model, text["Type_" + r.Type].Value, text["Status_" + r.Status].Value, text["Mdm_" + r.MdmState].Value,
            text["Lock_" + r.ActivationLock].Value, r.UnitName, r.UnitId, r.HolderName, r.HolderEmployeeId, r.Msisdn,
            r.InLoanPool ? text["Yes"].Value : text["No"].Value, r.UpdatedAt,
        ]));
        // Names and numbers of people: never kept by a browser or proxy cache.
        response.Headers.CacheControl = "no-store";
        var day = UiCultures.ToStockholm(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(file, ExcelTable.ContentType, $"mobilenheter-{day}.xlsx");
    }
}
