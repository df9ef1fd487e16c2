using System.Text.Json;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>One version of a form: who saved it when (version 1 is the shipped file, in force from the start).</summary>
public sealed record FormVersionInfo(int Version, DateTimeOffset SavedAt, string SavedBy, string? Note)
{
    public bool Shipped => Version == 1 && SavedAt == DateTimeOffset.MinValue;
}

/// <summary>
/// The versions of each form as files: version 1 is <c>workflows/forms/&lt;key&gt;.form</c> (shipped with the release),
/// later ones <c>&lt;VersionsFolder&gt;/&lt;key&gt;/&lt;n&gt;.form</c> with <c>&lt;n&gt;.json</c> (saved at, by, note). Versions
/// are never changed or removed, so a version in force when a task was created stays what that task shows.
/// A form made in the editor (no shipped file) starts at version 1 in the versions folder.
/// </summary>
public sealed class FormVersions(IOptions<FormOptions> options, IHostEnvironment environment, TimeProvider time)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly Lock writing = new();
    private string? shippedFolder;

    /// <summary>A form key names files, so only letters, digits, '-' and '_' (at most 64).</summary>
    public static bool IsKey(string? key) =>
        key is { Length: > 0 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public IEnumerable<string> Keys =>
        ShippedKeys.Union(SavedKeys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public IReadOnlyList<FormVersionInfo> List(string key)
    {
        if (!IsKey(key)) return [];
        var list = new List<FormVersionInfo>();
        if (ShippedFile(key) is not null) list.Add(new FormVersionInfo(1, DateTimeOffset.MinValue, "workflows/forms", null));
        var folder = Path.Combine(VersionsFolder, key);
        if (Directory.Exists(folder))
        {
            foreach (var meta in Directory.EnumerateFiles(folder, "*.json"))
                if (JsonSerializer.Deserialize<FormVersionInfo>(File.ReadAllText(meta), JsonOptions) is { } info) list.Add(info);
        }
        return list.OrderBy(v => v.Version).ToList();
    }

    public FormVersionInfo? Latest(string key) => List(key).LastOrDefault();

    public FormVersionInfo? InForceAt(string key, DateTimeOffset at) =>
        List(key).LastOrDefault(v => v.SavedAt <= at) ?? List(key).FirstOrDefault();

    /// <summary>The form-js JSON of a version, or null.</summary>
    public string? Json(string key, int version)
    {
        if (!IsKey(key)) return null;
        var saved = Path.Combine(VersionsFolder, key, $"{version}.form");
        if (File.Exists(saved)) return File.ReadAllText(saved);
        return version == 1 && ShippedFile(key) is { } shipped ? File.ReadAllText(shipped) : null;
    }

    /// <summary>Stores the (already checked) JSON as the next version, in force from now.</summary>
    public FormVersionInfo Save(string key, string json, string savedBy, string? note)
    {
        if (!IsKey(key)) throw new ArgumentException($"'{key}' is not a form key.", nameof(key));
        lock (writing)
        {
            var folder = Directory.CreateDirectory(Path.Combine(VersionsFolder, key)).FullName;
            var info = new FormVersionInfo((Latest(key)?.Version ?? 0) + 1, time.GetUtcNow(), savedBy, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            // The form first, its record last: a version is listed (and so in force) only once both are written.
            File.WriteAllText(Path.Combine(folder, $"{info.Version}.form"), json);
            File.WriteAllText(Path.Combine(folder, $"{info.Version}.json"), JsonSerializer.Serialize(info, JsonOptions));
            return info;
        }
    }

    internal IEnumerable<string> SavedKeys =>
        Directory.Exists(VersionsFolder) ? Directory.EnumerateDirectories(VersionsFolder).Select(Path.GetFileName).OfType<string>().Where(IsKey) : [];

    private IEnumerable<string> ShippedKeys =>
        ShippedFolder is { } path ? Directory.EnumerateFiles(path, "*.form").Select(f => Path.GetFileNameWithoutExtension(f)!) : [];

    private string? ShippedFile(string key) =>
        ShippedFolder is { } path && File.Exists(Path.Combine(path, key + ".form")) ? Path.Combine(path, key + ".form") : null;

    private string? ShippedFolder => shippedFolder ??= ContentFolders.Find(options.Value.Folder, environment.ContentRootPath, AppContext.BaseDirectory);

    private string VersionsFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.VersionsFolder));
}
