namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// Finds the shipped content folders (workflows/, workflows/policies, workflows/templates, the demo data).
/// A relative folder is looked for from each start folder upwards, so `dotnet run --project src/Host` from the
/// repository, the tests and a published host all find it.
/// </summary>
public static class ContentFolders
{
    /// <summary>An absolute folder as it is (when it exists); a relative one found upwards from <paramref name="starts"/>; else null.</summary>
    public static string? Find(string? folder, params string[] starts)
    {
        if (string.IsNullOrWhiteSpace(folder)) return null;
        if (Path.IsPathRooted(folder)) return Directory.Exists(folder) ? folder : null;
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folder);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>From the working directory and the binaries upwards; not found, the folder as a full path (for the error message).</summary>
    public static string Resolve(string folder) =>
        Find(folder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory) ?? Path.GetFullPath(folder);
}
