namespace RJH.DeviceWorkflows.Host.Infrastructure.Content;

/// <summary>
/// Finds the shipped content folders (workflows/, workflows/policies, workflows/templates, demo data).
/// A relative folder is looked for from the content root, then from the binaries, upwards, so
/// `dotnet run --project src/Host` from the repository, the tests and a published host all find it.
/// </summary>
internal static class ContentFolders
{
    /// <summary>An absolute folder as it is (when it exists); a relative one found upwards; else null.</summary>
    public static string? Resolve(string? folder, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(folder)) return null;
        if (Path.IsPathRooted(folder)) return Directory.Exists(folder) ? folder : null;
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folder);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
