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
}
