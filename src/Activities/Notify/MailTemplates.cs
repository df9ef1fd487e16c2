using RJH.DeviceWorkflows.Data;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>A rendered mail: subject line and plain-text body.</summary>
public sealed record RenderedMail(string Subject, string Body);

/// <summary>
/// Renders <c>{name}.sv.liquid</c> from the template folder (format: workflows/templates/README.md).
/// Read on every use, not cached: mail is rare and an edited template takes effect at once.
/// Every fault of a template (missing, malformed, failing to render) is an <see cref="InvalidOperationException"/>
/// naming it: a technical failure, so the job ends in an incident rather than sending a broken mail.
/// </summary>
public sealed partial class MailTemplates
{
    private const string SubjectPrefix = "Subject:";
    private static readonly FluidParser Parser = new();
    private readonly string folder;
    private readonly TemplateOptions options;

    public MailTemplates(IOptions<MailOptions> mail, TimeProvider time)
    {
        folder = ContentFolders.Resolve(mail.Value.TemplateFolder);
        options = new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo("sv-SE"),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"),
            Now = time.GetUtcNow,
            // A misspelt filter would otherwise pass its input through silently.
            StrictFilters = true,
            // Templates are edited by people: a runaway loop fails instead of holding a worker.
            MaxSteps = 100_000,
        }.WithMailFilters();
    }

    /// <param name="model">Each member becomes a template variable (<c>{{ device.model }}</c> for <c>{"device":{"model":…}}</c>).</param>
    public async Task<RenderedMail> RenderAsync(string name, JsonObject? model, CancellationToken ct = default)
    {
        var (subject, body) = await ReadAsync(name, ct);
        var context = new TemplateContext(options);
        foreach (var (key, value) in model ?? [])
            context.SetValue(key, FluidValue.Create(FluidModel.From(value), options));
        try
        {
            var renderedSubject = await subject.RenderAsync(context);
            // A subject is one line: a value holding a line break must not start the body early.
            return new RenderedMail(LineBreaks().Replace(renderedSubject, " ").Trim(), Tidy(await body.RenderAsync(context)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Mail template '{name}' could not be rendered: {e.Message}", e);
        }
    }

    /// <summary>
    /// Lines left empty by <c>{% if %}</c> blocks that rendered nothing collapse to one empty line, so
    /// authors need no whitespace control; trailing spaces go.
    /// </summary>
    private static string Tidy(string body) =>
        ExtraEmptyLines().Replace(TrailingSpaces().Replace(body.ReplaceLineEndings("\n"), ""), "\n\n").Trim() + "\n";

    private async Task<(IFluidTemplate Subject, IFluidTemplate Body)> ReadAsync(string name, CancellationToken ct)
    {
        // The name comes from a BPMN model: only a plain name, never a path out of the folder.
        if (!TemplateName().IsMatch(name))
            throw new InvalidOperationException($"'{name}' is no mail template name (lower-case letters, digits and '-').");
        var path = Path.Combine(folder, name + ".sv.liquid");
        if (!File.Exists(path))
            throw new InvalidOperationException($"Mail template '{name}' does not exist (looked for {path}).");

        var lines = (await File.ReadAllTextAsync(path, ct)).ReplaceLineEndings("\n").Split('\n');
        if (!lines[0].StartsWith(SubjectPrefix, StringComparison.Ordinal) || lines.Length < 2 || lines[1].Length > 0)
            throw new InvalidOperationException(
                $"Mail template '{name}' must start with a line 'Subject: …' followed by an empty line (line 1).");
        return (Parse(name, "subject", lines[0][SubjectPrefix.Length..]), Parse(name, "body", string.Join('\n', lines[2..])));
    }

    private static IFluidTemplate Parse(string name, string part, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Mail template '{name}' has a Liquid error in its {part}: {error}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex TemplateName();

    [GeneratedRegex(@"[ \t]+(?=\n|$)")]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraEmptyLines();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
