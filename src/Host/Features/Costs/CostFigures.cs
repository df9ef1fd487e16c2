using RJH.DeviceWorkflows.Host.Features.Dashboard;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Outcomes;

namespace RJH.DeviceWorkflows.Host.Features.Costs;

/// <summary>Who pays: the financing decision of an order, the unit for its subscriptions, Servicecenter for loans.</summary>
public enum Payer { Unit, Administration, RegionDirector, Servicecenter, Unknown }

/// <summary>Costs of one month, payer and unit (Stockholm month <c>yyyy-MM</c>).</summary>
public sealed record CostRow(string Month, Payer Payer, string? UnitId, string? UnitName, int Devices, decimal DevicesSek,
    int SubscriptionMonths, decimal SubscriptionsSek, int Loans, decimal LoansSek)
{
    public decimal TotalSek => DevicesSek + SubscriptionsSek + LoansSek;
}

/// <summary>The current fleet over the horizon: devices at their price, subscriptions at their fee for every month of it.</summary>
public sealed record HorizonCost(int Devices, decimal DevicesSek, int Subscriptions, decimal SubscriptionsSek, int Years)
{
    public decimal TotalSek => DevicesSek + SubscriptionsSek;
    public decimal PerYearSek => Years == 0 ? 0 : TotalSek / Years;
}

/// <summary>An organisation model's yearly range scaled from its reference fleet to ours.</summary>
public sealed record ModelComparison(string Name, decimal LowSek, decimal HighSek);

public sealed record CostReport(IReadOnlyList<CostRow> Rows, HorizonCost Horizon, IReadOnlyList<ModelComparison> Models);

/// <summary>
/// The cost page's figures by plain rules: a delivered order costs its device's recorded price (the default phone
/// price when none is recorded) in the month it was delivered, paid as its financing decision says; a subscription costs
/// its type's monthly fee in each month of the period from its start (to the current month), paid by its holder's
/// unit; a loan costs its days at the loan-day rate (a loan phone's price over the horizon), paid by Servicecenter.
/// </summary>
public static class CostFigures
{
    public static CostReport Compute(CostFacts facts, CostOptions options, DashboardFilter filter, DateTimeOffset now)
    {
        var unitOf = facts.People.ToDictionary(p => p.EmployeeId, p => p.UnitId, StringComparer.Ordinal);
        var names = facts.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var items = new List<(string Month, Payer Payer, string? UnitId, Kind Kind, decimal Sek)>();

        foreach (var purchase in facts.Purchases)
            items.Add((OutcomeFigures.MonthOf(purchase.DeliveredAt), PayerOf(purchase.Payer), unitOf.GetValueOrDefault(purchase.EmployeeId),
                Kind.Device, purchase.PriceSek ?? options.DefaultPhonePriceSek));

        var lastMonth = Min(filter.End.AddTicks(-1), now);
        foreach (var subscription in facts.Subscriptions)
            foreach (var month in Months(Max(subscription.CreatedAt, filter.Start), lastMonth))
                items.Add((month, Payer.Unit, unitOf.GetValueOrDefault(subscription.EmployeeId ?? ""), Kind.Subscription,
                    options.FeeOf(subscription.Usage)));

        foreach (var loan in facts.Loans)
            items.Add((OutcomeFigures.MonthOf(loan.From), Payer.Servicecenter, unitOf.GetValueOrDefault(loan.EmployeeId), Kind.Loan,
                (decimal)((loan.To ?? now) - loan.From).TotalDays * options.LoanDaySek));

        var rows = items
            .GroupBy(i => (i.Month, i.Payer, i.UnitId))
            .Select(g => new CostRow(g.Key.Month, g.Key.Payer, g.Key.UnitId, g.Key.UnitId is null ? null : names.GetValueOrDefault(g.Key.UnitId, g.Key.UnitId),
                g.Count(i => i.Kind == Kind.Device), g.Where(i => i.Kind == Kind.Device).Sum(i => i.Sek),
                g.Count(i => i.Kind == Kind.Subscription), g.Where(i => i.Kind == Kind.Subscription).Sum(i => i.Sek),
                g.Count(i => i.Kind == Kind.Loan), Math.Round(g.Where(i => i.Kind == Kind.Loan).Sum(i => i.Sek), 2)))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.Payer).ThenBy(r => r.UnitName, StringComparer.CurrentCulture)
            .ToList();
        return new CostReport(rows, Horizon(facts, options), Compare(facts.Fleet.Count, options));
    }

    public static HorizonCost Horizon(CostFacts facts, CostOptions options) => new(
        facts.Fleet.Count, facts.Fleet.Sum(d => d.PriceSek ?? options.DefaultPhonePriceSek),
        facts.Subscriptions.Count, facts.Subscriptions.Sum(s => options.FeeOf(s.Usage)) * 12 * options.HorizonYears,
        options.HorizonYears);

    public static IReadOnlyList<ModelComparison> Compare(int fleet, CostOptions options) => options.Models
        .Select(m => new ModelComparison(m.Name, Scale(m.LowMsek, fleet, options), Scale(m.HighMsek, fleet, options)))
        .ToList();

    private static decimal Scale(decimal msek, int fleet, CostOptions options) =>
        options.ReferenceFleet == 0 ? 0 : Math.Round(msek * 1_000_000m * fleet / options.ReferenceFleet, 0);

    private static Payer PayerOf(string? payer) => Enum.TryParse<Payer>(payer, out var p) && p != Payer.Servicecenter ? p : Payer.Unknown;

    private static IEnumerable<string> Months(DateTimeOffset from, DateTimeOffset to)
    {
        var first = DateOnly.ParseExact(OutcomeFigures.MonthOf(from) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(OutcomeFigures.MonthOf(to) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        for (var month = first; month <= last; month = month.AddMonths(1))
            yield return month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private enum Kind { Device, Subscription, Loan }
}
