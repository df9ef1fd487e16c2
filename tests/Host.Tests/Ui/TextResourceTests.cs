using RJH.DeviceWorkflows.Host.Tests.Support;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Host.Tests.Ui;

/// <summary>
/// The web app's texts: every Swedish text has its English one and the other way round, and every literal key a
/// page asks its localizer for exists — a missing key would show its name to people instead of a text.
/// </summary>
public sealed partial class TextResourceTests
{
    private static readonly string HostFolder = Path.Combine(Repository.Root, "src", "Host");

    public static TheoryData<string> SwedishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(HostFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.EndsWith(".en.resx", StringComparison.Ordinal)))
            data.Add(Path.GetRelativePath(HostFolder, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SwedishResources))]
    public void Swedish_and_English_have_the_same_keys_and_no_empty_text(string swedish)
    {
        var sv = Read(Path.Combine(HostFolder, swedish));
        var englishPath = Path.Combine(HostFolder, swedish[..^".resx".Length] + ".en.resx");
        Assert.True(File.Exists(englishPath), $"{swedish} has no English twin (.en.resx).");
        var en = Read(englishPath);

        Assert.Empty(sv.Keys.Except(en.Keys).Select(k => $"only Swedish: {k}"));
        Assert.Empty(en.Keys.Except(sv.Keys).Select(k => $"only English: {k}"));
        Assert.Empty(sv.Concat(en).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"empty: {e.Key}"));
    }

    [Fact]
    public void Every_literal_key_a_page_uses_exists_in_its_resources()
    {
        var resources = Directory.EnumerateFiles(HostFolder, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.EndsWith(".en.resx", StringComparison.Ordinal))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f))
            .ToDictionary(g => g.Key, g => Read(g.First()));
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var page in Directory.EnumerateFiles(HostFolder, "*.razor", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(page);
            foreach (Match inject in Inject().Matches(text))
            {
                var (type, variable) = (inject.Groups["type"].Value.Split('.')[^1], inject.Groups["var"].Value);
                if (!resources.TryGetValue(type, out var keys))
                {
                    missing.Add($"{Path.GetRelativePath(HostFolder, page)}: no {type}.resx");
                    continue;
                }
                foreach (Match use in new Regex(@"\b" + Regex.Escape(variable) + @"\[""(?<key>[^""]+)""(?=\s*[\],])").Matches(text))
                {
                    checkedKeys++;
                    if (!keys.ContainsKey(use.Groups["key"].Value))
                        missing.Add($"{Path.GetRelativePath(HostFolder, page)}: {type}.{use.Groups["key"].Value}");
                }
            }
        }

        Assert.True(checkedKeys > 10, "The check found (almost) no localized texts: has the pattern changed?");
        Assert.True(missing.Count == 0, "Missing texts:\n" + string.Join("\n", missing));
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");


    [GeneratedRegex(@"@inject\s+IStringLocalizer<(?<type>[\w.]+)>\s+(?<var>\w+)")]
    private static partial Regex Inject();
}
