using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>Settings of the section "Forms".</summary>
public sealed class FormOptions
{
    public const string Section = "Forms";

    /// <summary>The folder of <c>&lt;formKey&gt;.form</c> files, looked for from the content root upwards.</summary>
    public string Folder { get; set; } = "workflows/forms";
}

/// <summary>The task forms by form key, read once from <see cref="FormOptions.Folder"/>.</summary>
public sealed class FormCatalog(IOptions<FormOptions> options, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, FormSchema?> forms = new(StringComparer.Ordinal);
    private string? folder;

    public FormSchema? Find(string formKey) => forms.GetOrAdd(formKey, Load);

    public IEnumerable<string> Keys =>
        Folder is { } path ? Directory.EnumerateFiles(path, "*.form").Select(f => Path.GetFileNameWithoutExtension(f)!) : [];

    private string? Folder => folder ??= ContentFolders.Find(options.Value.Folder, environment.ContentRootPath, AppContext.BaseDirectory);

    private FormSchema? Load(string formKey)
    {
        // The key names a file, so it must not reach outside the folder.
        if (Folder is null || formKey.Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_'))) return null;
        var file = Path.Combine(Folder, formKey + ".form");
        return File.Exists(file) ? FormSchema.Parse(formKey, JsonNode.Parse(File.ReadAllText(file))!) : null;
    }
}
