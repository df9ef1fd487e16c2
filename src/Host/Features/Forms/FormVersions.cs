using System.Text.Json;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>
/// One version of a form: who saved it when, and whether it is a draft or since when it is published (version 1 is the
/// shipped file, in force from the start). A version saved before drafts existed has neither flag: it counts as
/// published when it was saved.
/// </summary>
public sealed record FormVersionInfo(int Version, DateTimeOffset SavedAt, string SavedBy, string? Note,
    bool Draft = false, DateTimeOffset? PublishedAt = null, string? PublishedBy = null)
{
    public bool Shipped => Version == 1 && SavedAt == DateTimeOffset.MinValue;

    /// <summary>From when new tasks get this version; null for a draft.</summary>
    public DateTimeOffset? InForceFrom => Draft ? null : PublishedAt ?? SavedAt;
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
        var folder = Path.Combine(VersionsFolder, key);
        // The shipped file is version 1; it has a record of its own only once it was published again.
        if (ShippedFile(key) is not null && !File.Exists(Path.Combine(folder, "1.json")))
            list.Add(new FormVersionInfo(1, DateTimeOffset.MinValue, "workflows/forms", null));
        if (Directory.Exists(folder))
        {
            foreach (var meta in Directory.EnumerateFiles(folder, "*.json"))
                if (JsonSerializer.Deserialize<FormVersionInfo>(File.ReadAllText(meta), JsonOptions) is { } info) list.Add(info);
        }
        return list.OrderBy(v => v.Version).ToList();
    }

    public FormVersionInfo? Latest(string key) => List(key).LastOrDefault();

    /// <summary>The version new tasks get now: the one published last.</summary>
    public FormVersionInfo? Live(string key) => InForceAt(key, time.GetUtcNow());

    /// <summary>
    /// The version published last at <paramref name="at"/> (a republished older version wins over a newer one);
    /// before any was, the first published one. Drafts are never in force.
    /// </summary>
    public FormVersionInfo? InForceAt(string key, DateTimeOffset at)
    {
        var published = List(key).Where(v => v.InForceFrom is not null).OrderBy(v => v.InForceFrom).ThenBy(v => v.Version).ToList();
        return published.LastOrDefault(v => v.InForceFrom <= at) ?? published.FirstOrDefault();
    }

    /// <summary>The form-js JSON of a version, or null.</summary>
    public string? Json(string key, int version)
    {
        if (!IsKey(key)) return null;
        var saved = Path.Combine(VersionsFolder, key, $"{version}.form");
        if (File.Exists(saved)) return File.ReadAllText(saved);
        return version == 1 && ShippedFile(key) is { } shipped ? File.ReadAllText(shipped) : null;
    }

    /// <summary>Stores the (already checked) JSON as the next version, a draft: no task gets it until it is published.</summary>
    public FormVersionInfo Save(string key, string json, string savedBy, string? note)
    {
        if (!IsKey(key)) throw new ArgumentException($"'{key}' is not a form key.", nameof(key));
        lock (writing)
        {
            var folder = Directory.CreateDirectory(Path.Combine(VersionsFolder, key)).FullName;
            var info = new FormVersionInfo((Latest(key)?.Version ?? 0) + 1, time.GetUtcNow(), savedBy,
                string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Draft: true);
            // The form first, its record last: a version is listed only once both are written.
            File.WriteAllText(Path.Combine(folder, $"{info.Version}.form"), json);
            WriteRecord(folder, info);
            return info;
        }
    }

    /// <summary>
    /// Puts a saved version in force for tasks created from now on (a draft, or an earlier version taken back into use);
    /// null when the version does not exist. The form itself is never rewritten, only its record.
    /// </summary>
    public FormVersionInfo? Publish(string key, int version, string publishedBy)
    {
        lock (writing)
        {
            if (List(key).FirstOrDefault(v => v.Version == version) is not { } info) return null;
            var published = info with { Draft = false, PublishedAt = time.GetUtcNow(), PublishedBy = publishedBy };
            // The shipped file has no record of its own (nor perhaps a folder); republishing it writes one beside the later versions.
            WriteRecord(Directory.CreateDirectory(Path.Combine(VersionsFolder, key)).FullName, published);
            return published;
        }
    }

    private static void WriteRecord(string folder, FormVersionInfo info)
    {
        // Written aside and moved over, so a reader never sees half a record.
        var target = Path.Combine(folder, $"{info.Version}.json");
        var temporary = target + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(info, JsonOptions));
        File.Move(temporary, target, overwrite: true);
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
