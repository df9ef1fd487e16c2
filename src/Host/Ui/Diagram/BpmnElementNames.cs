using System.Xml;
using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Host.Ui.Diagram;

/// <summary>
/// The names people gave the elements of a BPMN model (id → name), so pages and screen readers can say
/// "Godkänn beställning" where the engine knows only <c>approveOrder</c>.
/// </summary>
public sealed class BpmnElementNames
{
    private readonly Dictionary<string, string> names;

    private BpmnElementNames(Dictionary<string, string> names) => this.names = names;

    public static BpmnElementNames Read(string? xml)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(xml)) return new BpmnElementNames(names);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            foreach (var element in XDocument.Load(reader).Descendants())
            {
                var id = (string?)element.Attribute("id");
                var name = (string?)element.Attribute("name");
                // Names drawn on several lines carry line breaks; read aloud they are one phrase.
                if (id is not null && !string.IsNullOrWhiteSpace(name))
                    names.TryAdd(id, string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            }
        }
        catch (XmlException)
        {
            // A model that cannot be read still has its ids; NameOf falls back to them.
        }
        return new BpmnElementNames(names);
    }

    /// <summary>The element's name, or its id when it has none.</summary>
    public string NameOf(string elementId) => names.GetValueOrDefault(elementId, elementId);
}
