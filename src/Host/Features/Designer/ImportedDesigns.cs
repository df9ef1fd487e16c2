namespace RJH.DeviceWorkflows.Host.Features.Designer;

/// <summary>
/// A BPMN file imported on /designer, held for the person's circuit until /designer/{key} opens it: nothing is
/// stored in the database before a valid save, and the file does not travel through the address bar.
/// </summary>
public sealed class ImportedDesigns
{
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    public void Hold(string key, string xml) => files[key] = xml;

    /// <summary>The file imported for <paramref name="key"/>, once.</summary>
    public string? Take(string key) => files.Remove(key, out var xml) ? xml : null;
}
