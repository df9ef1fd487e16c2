namespace RJH.DeviceWorkflows.Rules;

/// <summary>Settings of section <c>Policies</c>.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policies";

    /// <summary>
    /// The folder of shipped rule sets (<c>{set}.json</c>). A relative path is looked for from the
    /// working directory and the application folder upwards, so both `dotnet run` and a published
    /// Host find the repository's workflows/policies.
    /// </summary>
    public string SeedFolder { get; set; } = "workflows/policies";

    /// <summary>How long the published version of a set is remembered between decisions; a publish on this host forgets it at once.</summary>
    public TimeSpan PublishedVersionCacheTime { get; set; } = TimeSpan.FromSeconds(2);
}
