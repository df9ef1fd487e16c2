namespace RJH.DeviceWorkflows.Testing;

/// <summary>The organisation model variants shipped in workflows/variants (Alt 1, Alt 3), found above the test's folder.</summary>
public static class ShippedVariants
{
    public static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", "variants", file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"No workflows/variants/{file} above the test's folder.");
    }
}
