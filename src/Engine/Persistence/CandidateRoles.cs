namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// <see cref="Storage.UserTaskRecord.CandidateRoles"/> is kept in one canonical form
/// ("A,B,C": trimmed, no empty entries) so a query can match a whole role name in SQL by
/// wrapping both sides in commas: ",A,B," contains ",B," but ",SubManager," never ",Manager,".
/// </summary>
internal static class CandidateRoles
{
    public static string Normalise(string? roles) =>
        string.Join(',', Split(roles).Distinct(StringComparer.Ordinal));

    /// <summary>The query's roles as ",Role," search terms.</summary>
    public static string[] SearchTerms(IEnumerable<string>? roles) =>
        (roles ?? []).SelectMany(Split).Distinct(StringComparer.Ordinal).Select(r => $",{r},").ToArray();

    private static IEnumerable<string> Split(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
