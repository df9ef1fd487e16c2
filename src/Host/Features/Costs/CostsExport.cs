using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Export;

namespace RJH.DeviceWorkflows.Host.Features.Costs;

/// <summary>The cost page's Excel download for the signed-in browser (cookie): the same filter and figures as <c>/costs</c>.</summary>
internal static class CostsExport
{
    public const string Path = "/costs/export";

    public static string UrlFor(DashboardFilter filter) => $"{Path}?{filter.Query}";

    public static IEndpointRouteBuilder MapCostsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Export).RequireAuthorization(Policies.Costs).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Export(ClaimsPrincipal user, HttpResponse response, [FromServices] ICostOverview costs,
        [FromServices] IStringLocalizer<CostsPage> text, DateOnly from, DateOnly to, string? unit, CancellationToken ct)
    {
        var filter = new DashboardFilter(from, to, string.IsNullOrWhiteSpace(unit) ? null : unit);
        if (!filter.IsValid) return Results.Problem(text["BadPeriod"], statusCode: StatusCodes.Status400BadRequest);
        var report = (await costs.ReadAsync(user, filter, ct)).Report;
        var file = ExcelTable.Write(
        [
            new ExcelSheet(text["Sheet_Months"],
                [text["Month"], text["Payer"], text["Unit"], text["Devices"], text["DevicesSek"], text["SubscriptionMonths"],
                    text["SubscriptionsSek"], text["Loans"], text["LoansSek"], text["TotalSek"]],
                report.Rows.Select(r => (IReadOnlyList<object?>)
                [
                    r.Month, text["Payer_" + r.Payer].Value, r.UnitName, r.Devices, r.DevicesSek, r.SubscriptionMonths, r.SubscriptionsSek,
                    r.Loans, r.LoansSek, r.TotalSek,
                ])),
            new ExcelSheet(text["Sheet_Horizon"], [text["Model"], text["PerYearLow"], text["PerYearHigh"]],
            [
                [text["CurrentFleet"].Value, report.Horizon.PerYearSek, report.Horizon.PerYearSek],
                .. report.Models.Select(m => (IReadOnlyList<object?>)[m.Name, m.LowSek, m.HighSek]),
            ]),
        ]);
        response.Headers.CacheControl = "no-store";
        return Results.File(file, ExcelTable.ContentType,
            string.Create(CultureInfo.InvariantCulture, $"kostnader-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.xlsx"));
    }
}
