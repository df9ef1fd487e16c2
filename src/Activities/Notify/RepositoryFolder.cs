namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Finds a shipped folder of the repository (e.g. <c>workflows/templates</c>) from the working directory
/// and the application folder upwards, so `dotnet run` in src/Host, a published Host and the tests all
/// find it. The policy seeder has the same lookup, private to src/Rules.
/// </summary>
internal static class RepositoryFolder
{
    /// <returns>The folder found, else <paramref name="folder"/> as a full path (for the error message).</returns>
    public static string Resolve(string folder)
    {
        if (Path.IsPathRooted(folder)) return folder;
        var found = Ancestors(Directory.GetCurrentDirectory()).Concat(Ancestors(AppContext.BaseDirectory))
            .Select(dir => Path.Combine(dir, folder))
            .FirstOrDefault(Directory.Exists);
        return found ?? Path.GetFullPath(folder);
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            yield return dir.FullName;
    }
}
