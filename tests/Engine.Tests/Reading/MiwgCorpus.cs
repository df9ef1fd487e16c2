using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>
/// The BPMN MIWG reference models in <c>shared/conformance/bpmn-miwg</c>, beside the repository root.
/// Files are read as they are, or with one pool marked executable so each process gets read.
/// </summary>
internal static partial class MiwgCorpus
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static IEnumerable<string> FileNames =>
        Directory.GetFiles(Folder.Value, "*.bpmn").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Every file as it is (process null) and, for files with several pools, each pool marked executable.</summary>
    public static IEnumerable<(string File, string? Process)> Cases() =>
        FileNames.SelectMany(file =>
        {
            var processes = ProcessIds(Load(file)).ToList();
            return processes.Count > 1
                ? processes.Select(p => (file, (string?)p)).Prepend((file, null))
                : [(file, (string?)null)];
        });

    public static string Load(string file) => File.ReadAllText(Path.Combine(Folder.Value, file));

    /// <summary>The file, with <paramref name="processId"/> (if given) as the only executable process.</summary>
    public static string Load(string file, string? processId)
    {
        var xml = Load(file);
        if (processId is null) return xml;
        // Rewriting the start tag in place keeps every line number as in the original file.
        return ProcessStartTag().Replace(xml, tag =>
        {
            var text = ExecutableAttribute().Replace(tag.Value, "");
            return text.Contains($"id=\"{processId}\"", StringComparison.Ordinal)
                ? text.Insert(text.IndexOf("process", StringComparison.Ordinal) + "process".Length, " isExecutable=\"true\"")
                : text;
        });
    }

    public static IEnumerable<string> ProcessIds(string xml) =>
        XDocument.Parse(xml).Root!.Elements().Where(e => e.Name.LocalName == "process").Select(e => (string)e.Attribute("id")!);

    /// <summary>Ids of elements that only document: they must never be refused.</summary>
    public static HashSet<string> DocumentationOnlyIds(string xml)
    {
        string[] kinds = ["dataObject", "dataObjectReference", "dataStoreReference", "textAnnotation", "group", "lane",
            "laneSet", "participant", "messageFlow", "association", "collaboration", "dataInputAssociation", "dataOutputAssociation"];
        return XDocument.Parse(xml).Descendants()
            .Where(e => kinds.Contains(e.Name.LocalName) && e.Attribute("id") is not null)
            .Select(e => (string)e.Attribute("id")!)
            .ToHashSet();
    }

    /// <summary>Abstract <c>task</c> elements turned into user tasks: what the file would be once someone chose a task kind.</summary>
    public static string WithUserTasks(string xml) => TaskTag().Replace(xml, "<$1$2userTask");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "bpmn-miwg");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No shared/conformance/bpmn-miwg above {AppContext.BaseDirectory}; the corpus lives in ../shared beside the repository root.");
    }

    [GeneratedRegex(@"<(\w+:)?process\b[^>]*>")]
    private static partial Regex ProcessStartTag();

    [GeneratedRegex(@"\s+isExecutable=""[^""]*""")]
    private static partial Regex ExecutableAttribute();

    [GeneratedRegex(@"<(/?)(\w+:)?task\b")]
    private static partial Regex TaskTag();
}
