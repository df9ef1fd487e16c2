using System.Reflection;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Host.Infrastructure.OpenApi;

/// <summary>
/// The rows of docs/api.md (embedded in the build), by "METHOD route": who may call and what comes back in words,
/// for what the code's metadata cannot say (the engine's and the register's own per-object checks). One source:
/// the table stays the reviewed statement of access, the OpenAPI document carries it to every operation.
/// </summary>
internal sealed partial class ApiReference
{
    private readonly Dictionary<string, Row> rows;

    private ApiReference(Dictionary<string, Row> rows) => this.rows = rows;

    public sealed record Row(string Who, string Request, string Response);

    public static ApiReference Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("docs/api.md");
        if (stream is null) return new([]);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static ApiReference Parse(string markdown)
    {
        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in markdown.Split('\n'))
        {
            var cells = Cell().Split(line.Trim()).Select(c => c.Trim().Replace("\\|", "|")).ToArray();
            // "" | `METHOD route...` | who | request | response | ""
            if (cells.Length < 6 || RouteCell().Match(cells[1]) is not { Success: true } route) continue;
            rows.TryAdd(Key(route.Groups["method"].Value, route.Groups["route"].Value), new Row(cells[2], cells[3], cells[4]));
        }
        return new(rows);
    }

    public Row? Find(string method, string route) => rows.GetValueOrDefault(Key(method, route));

    /// <summary>Parameter names and constraints differ between the table and the code: "{id:guid}" and "{instanceId}" are both "{}".</summary>
    public static string Key(string method, string route)
    {
        var text = Parameter().Replace(route, "{}");
        return $"{method.ToUpperInvariant()} {(text.Length > 1 ? text.TrimEnd('/') : text)}";
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Cell();

    [GeneratedRegex(@"^`(?<method>GET|POST|PUT|PATCH|DELETE) (?<route>/[^`\[?\s]*)")]
    private static partial Regex RouteCell();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
