using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;

namespace RJH.DeviceWorkflows.Host.Features.Designer;

/// <summary>A form as the forms editor lists it.</summary>
public sealed record FormDesign(string Key, string Title, IReadOnlyList<FormVersionInfo> Versions, FormVersionInfo? Live)
{
    public FormVersionInfo? Latest => Versions.Count > 0 ? Versions[^1] : null;
}

/// <summary>What a save gave: the new version, or why nothing was stored.</summary>
public sealed record FormSaveResult(FormVersionInfo? Saved, IReadOnlyList<FormProblem> Problems);

/// <summary>
/// The forms editor's use of the form versions: every save is checked (<see cref="FormSchemaCheck"/>) and, when valid,
/// stored as a new draft version; publishing puts a version in force for tasks created from then on. Only process owners
/// and admins may save or publish, checked here with the caller as well as on the page.
/// </summary>
public sealed class FormDesigns(FormVersions versions, FormCatalog catalog, ILogger<FormDesigns> logger)
{
    public IReadOnlyList<FormDesign> List() => versions.Keys.Select(Find).OfType<FormDesign>().ToList();

    public FormDesign? Find(string key)
    {
        var list = versions.List(key);
        if (list.Count == 0) return null;
        var title = catalog.Find(key)?.TitleFor(System.Globalization.CultureInfo.CurrentUICulture) ?? key;
        return new FormDesign(key, title, list, versions.Live(key));
    }

    public string? Json(string key, int version) => versions.Json(key, version);

    public FormSaveResult Save(string key, string json, string? note, Caller caller)
    {
        MayChange(caller);
        if (!FormVersions.IsKey(key)) return new FormSaveResult(null, [new FormProblem(null, $"'{key}' är ingen giltig formulärnyckel.")]);
        var problems = FormSchemaCheck.Check(json);
        if (problems.Count > 0) return new FormSaveResult(null, problems);
        var saved = versions.Save(key, json, caller.UserName, note);
        logger.LogInformation("{User} saved form {Key} v{Version}: {Note}", caller.UserName, key, saved.Version, saved.Note ?? "");
        return new FormSaveResult(saved, []);
    }

    /// <summary>Puts a version in force for new tasks; null when the form has no such version.</summary>
    public FormVersionInfo? Publish(string key, int version, Caller caller)
    {
        MayChange(caller);
        if (versions.Publish(key, version, caller.UserName) is not { } published) return null;
        logger.LogInformation("{User} published form {Key} v{Version}", caller.UserName, key, version);
        return published;
    }

    private static void MayChange(Caller caller)
    {
        if (!caller.HasAnyRole([AppRoles.ProcessOwner, AppRoles.Admin]))
            throw new ForbiddenException("Only process owners and admins change forms.");
    }
}
