namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// Where rule set versions live. Versions are immutable once added; "published" marks the one
/// version per set that evaluations use by default. Every add and publish records actor and time.
/// </summary>
public interface IPolicyStore
{
    Task<IReadOnlyList<PolicySetSummary>> ListSetsAsync(CancellationToken ct = default);

    /// <summary>The versions of a set, oldest first, without their JSON; empty for a set never stored.</summary>
    Task<IReadOnlyList<PolicyVersionInfo>> ListVersionsAsync(string set, CancellationToken ct = default);

    /// <summary>A version with its JSON; the latest when <paramref name="version"/> is null.</summary>
    Task<StoredPolicyVersion?> FindAsync(string set, int? version, CancellationToken ct = default);

    Task<int?> FindPublishedVersionAsync(string set, CancellationToken ct = default);

    /// <summary>Stores the next version of the set (1 for a new set) and returns its number.</summary>
    Task<int> AddVersionAsync(string set, string workflowJson, string actor, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Makes this the set's published version, with the publisher's note; false when there is no such version.</summary>
    Task<bool> PublishAsync(string set, int version, string actor, DateTimeOffset at, string? note = null, CancellationToken ct = default);

    /// <summary>The set's test cases (a JSON array), or null when none were ever saved.</summary>
    Task<string?> FindTestCasesAsync(string set, CancellationToken ct = default);

    /// <summary>Replaces the set's test cases.</summary>
    Task SaveTestCasesAsync(string set, string casesJson, string actor, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Stores version 1, published, only if the set has no version at all; true when it did.</summary>
    Task<bool> SeedAsync(string set, string workflowJson, string actor, DateTimeOffset at, CancellationToken ct = default);
}

public sealed record PolicySetSummary(string Set, int LatestVersion, int? PublishedVersion);

public sealed record PolicyVersionInfo(
    string Set,
    int Version,
    bool Published,
    DateTimeOffset SavedAt,
    string SavedBy,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? PublishNote = null);

/// <summary>The note a publisher gives a version ("why this change"): free text, bounded.</summary>
public static class PolicyNote
{
    public const int MaxLength = 500;

    /// <summary>Null for a blank note, else the trimmed text.</summary>
    /// <exception cref="ArgumentException">Longer than <see cref="MaxLength"/>.</exception>
    public static string? Normalise(string? note)
    {
        var text = note?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length <= MaxLength ? text : throw new ArgumentException($"The note can be at most {MaxLength} characters.", nameof(note));
    }
}

public sealed record StoredPolicyVersion(PolicyVersionInfo Info, string WorkflowJson);
