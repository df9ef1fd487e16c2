namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>The repository's root folder (where RJH.DeviceWorkflows.sln is), found above the test binaries.</summary>
internal static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RJH.DeviceWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("RJH.DeviceWorkflows.sln not found above the test binaries.");
    }
}
