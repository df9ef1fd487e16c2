namespace RJH.DeviceWorkflows.Registry;

/// <summary>Settings of the section "Register".</summary>
public sealed class RegisterOptions
{
    public const string Section = "Register";

    /// <summary>Largest import file; the Host refuses bigger bodies with 413 before reading them.</summary>
    public int MaxImportBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Data rows per import file (about 4,500 phones plus tablets today, and several thousand employees).</summary>
    public int MaxImportRows { get; set; } = 20_000;

    /// <summary>
    /// Largest share of the active people one organisation import may flag for offboarding without being confirmed
    /// (<c>confirmRemovals</c>): an empty or truncated export would otherwise start offboarding everyone.
    /// </summary>
    public double MaxOffboardingShare { get; set; } = 0.10;

    /// <summary>
    /// How long a loan device may be out before Servicecenter's loan pool marks the loan overdue: a loan bridges the
    /// days until a repaired or new phone is there, and a pool whose devices never come back cannot lend the same day.
    /// </summary>
    public TimeSpan LoanOverdueAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The loan pool's sites and their minimums (<c>Register:LoanPool</c>).</summary>
    public LoanPoolOptions LoanPool { get; set; } = new();
}

/// <summary>
/// Where Servicecenter keeps loan devices, each with the least number that must be ready to lend there: a phone broken
/// at a health centre is swapped the same day only if a loan phone is at hand there, not just somewhere in the region.
/// No defaults in code: a list bound from configuration is appended to, not replaced (the Host's appsettings.json
/// holds the region's sites).
/// </summary>
public sealed class LoanPoolOptions
{
    public List<LoanPoolSiteOptions> Sites { get; set; } = [];

    public LoanPoolSiteOptions? Find(string site) =>
        Sites.FirstOrDefault(s => string.Equals(s.Name, site, StringComparison.OrdinalIgnoreCase));
}

public sealed class LoanPoolSiteOptions
{
    public string Name { get; set; } = "";

    /// <summary>Available (in stock) loan devices of any model the site must have; below it, the replenish task is raised.</summary>
    public int Minimum { get; set; }
}
