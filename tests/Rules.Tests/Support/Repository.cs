namespace RJH.DeviceWorkflows.Rules.Tests.Support;

/// <summary>The shipped rule sets, found from the test's bin folder upwards.</summary>
internal static class Repository
{
    public static string PoliciesFolder { get; } = Find();

    public static string ReadPolicy(string set) => File.ReadAllText(Path.Combine(PoliciesFolder, set + ".json"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "policies");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("workflows/policies not found above " + AppContext.BaseDirectory);
    }
}
