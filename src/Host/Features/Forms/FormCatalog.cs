using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>Settings of the section "Forms".</summary>
public sealed class FormOptions
{
    public const string Section = "Forms";

    /// <summary>The folder of <c>&lt;formKey&gt;.form</c> files, looked for from the content root upwards: each form's version 1.</summary>
    public string Folder { get; set; } = "workflows/forms";

    /// <summary>Where the forms editor stores later versions (<c>&lt;key&gt;/&lt;n&gt;.form</c>); relative to the content root.</summary>
    public string VersionsFolder { get; set; } = "data/forms";
}

/// <summary>
/// The task forms by form key and version. Version 1 is the shipped file in <see cref="FormOptions.Folder"/>; the forms
/// editor adds versions 2, 3… (<see cref="FormVersions"/>) as drafts, each in force from the moment it is published. A
/// task uses the version in force when it was created, so a published change reaches the next tasks and never an open one.
/// </summary>
public sealed class FormCatalog(FormVersions versions)
{
    private readonly ConcurrentDictionary<(string Key, int Version), FormSchema?> forms = new();

    /// <summary>The version in force now (the one published last).</summary>
    public FormSchema? Find(string formKey) => versions.Live(formKey) is { } live ? Load(formKey, live.Version) : null;

    /// <summary>The version that was in force at <paramref name="taskCreatedAt"/>.</summary>
    public FormSchema? FindFor(string formKey, DateTimeOffset taskCreatedAt) =>
        versions.InForceAt(formKey, taskCreatedAt) is { } version ? Load(formKey, version.Version) : null;

    public FormSchema? Find(string formKey, int version) => Load(formKey, version);

    public IEnumerable<string> Keys => versions.Keys;

    private FormSchema? Load(string formKey, int version) => forms.GetOrAdd((formKey, version), at =>
        versions.Json(at.Key, at.Version) is { } json ? FormSchema.Parse(at.Key, JsonNode.Parse(json)!) : null);
}
