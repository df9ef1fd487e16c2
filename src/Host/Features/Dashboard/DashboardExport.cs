using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Export;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>
/// The dashboard's Excel download for the signed-in browser (cookie): the same filter and the same figures as the
/// page, one sheet per figure, text neutralised by <see cref="ExcelTable"/>.
/// </summary>
internal static class DashboardExport
{
    public const string Path = "/dashboard/export";

    public static string UrlFor(DashboardFilter filter) => $"{Path}?{filter.Query}";

    public static IEndpointRouteBuilder MapDashboardExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Export).RequireAuthorization(Policies.Manager).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Export(ClaimsPrincipal user, HttpResponse response, [FromServices] IOutcomeDashboard dashboard,
        [FromServices] IStringLocalizer<DashboardPage> text, [FromServices] IStringLocalizer<DurationSection> durations,
        DateOnly from, DateOnly to, string? unit, CancellationToken ct)
    {
        var filter = new DashboardFilter(from, to, string.IsNullOrWhiteSpace(unit) ? null : unit);
        if (!filter.IsValid) return Results.Problem(text["BadPeriod"], statusCode: StatusCodes.Status400BadRequest);
        var report = (await dashboard.ReadAsync(user, filter, ct)).Report;
        var file = ExcelTable.Write(
        [
            Durations(text["Sheet_WithoutPhone"], report.WithoutPhone, durations),
            Durations(text["Sheet_Delivery"], report.OrderToDelivery, durations),
            new ExcelSheet(text["Sheet_Returns"], [text["Month"], text["Reusable"], text["Scrapped"]],
                report.Returns.Select(r => (IReadOnlyList<object?>)[r.Month, r.Reusable, r.Scrapped])),
            new ExcelSheet(text["Sheet_Leavers"], [text["Person"], text["EmployeeId"], text["Unit"], text["Kind"], text["What"], text["Link"]],
                report.HeldByLeavers.Select(i => (IReadOnlyList<object?>)
                    [i.PersonName, i.EmployeeId, i.UnitName, text["Kind_" + i.Kind].Value, i.Label, i.Href])),
            new ExcelSheet(text["Sheet_Gate"], [text["Unit"], text["Rollout"], text["HeldOrders"], text["SignedOff"]],
                report.RolloutGate.Select(g => (IReadOnlyList<object?>)
                    [g.UnitName, text["Rollout_" + g.Rollout].Value, g.HeldOrders, g.SignedOff ? text["Yes"].Value : text["Missing"].Value])),
            new ExcelSheet(text["Sheet_Steps"],
                [text["Process"], text["Step"], text["Passes"], text["MedianHours"], text["P90Hours"], text["TotalHours"]],
                report.LeadTimes.Select(s => (IReadOnlyList<object?>)[s.Process, s.Step, s.Count, s.MedianHours, s.P90Hours, s.TotalHours])),
        ]);
        // Names of people who have left: never kept by a browser or proxy cache.
        response.Headers.CacheControl = "no-store";
        return Results.File(file, ExcelTable.ContentType,
            string.Create(CultureInfo.InvariantCulture, $"utfall-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.xlsx"));
    }

    private static ExcelSheet Durations(string name, IReadOnlyList<DurationRow> rows, IStringLocalizer<DurationSection> text) =>
        new(name, [text["Month"], text["Unit"], text["Count"], text["Median"], text["P90"], text["Open"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.Month, r.UnitName ?? text["AllUnits"].Value, r.Count, r.MedianDays, r.P90Days, r.Open]));
}
