using System.Collections.Frozen;
using System.Xml.Linq;

namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>Namespaces and element names the reader recognises.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Rjh = "urn:rjh:device-workflows:1";

    public static readonly XName Definitions = Bpmn + "definitions";
    public static readonly XName Process = Bpmn + "process";
    public static readonly XName Message = Bpmn + "message";
    public static readonly XName Error = Bpmn + "error";
    public static readonly XName SequenceFlow = Bpmn + "sequenceFlow";
    public static readonly XName ExtensionElements = Bpmn + "extensionElements";
    public static readonly XName ConditionExpression = Bpmn + "conditionExpression";
    public static readonly XName Script = Bpmn + "script";
    public static readonly XName MultiInstance = Bpmn + "multiInstanceLoopCharacteristics";
    public static readonly XName StandardLoop = Bpmn + "standardLoopCharacteristics";

    public const string StartEvent = "startEvent";
    public const string EndEvent = "endEvent";
    public const string CatchEvent = "intermediateCatchEvent";
    public const string BoundaryEvent = "boundaryEvent";
    public const string SubProcess = "subProcess";

    /// <summary>
    /// Flow elements that only document the process (data, artifacts, lanes) or belong to the
    /// diagram: accepted and ignored, never refused, so models from other tools still load.
    /// </summary>
    public static readonly FrozenSet<string> DocumentationOnly = FrozenSet.ToFrozenSet(
    [
        "documentation", "extensionElements", "auditing", "monitoring", "property", "laneSet",
        "dataObject", "dataObjectReference", "dataStoreReference", "textAnnotation", "association",
        "group", "ioSpecification", "ioBinding", "correlationSubscription", "supportedInterfaceRef",
        "performer", "humanPerformer", "potentialOwner", "resourceRole", "incoming", "outgoing",
        "categoryValueRef",
    ]);

    /// <summary>
    /// Flow nodes BPMN defines that the engine does not run. They are refused one by one but kept
    /// as placeholders in the graph, so flows to them do not produce a cascade of follow-up errors.
    /// </summary>
    public static readonly FrozenSet<string> UnsupportedFlowNodes = FrozenSet.ToFrozenSet(
    [
        "task", "manualTask", "receiveTask", "complexGateway", "intermediateThrowEvent",
        "implicitThrowEvent", "transaction", "adHocSubProcess", "callChoreography",
        "choreographyTask", "subChoreography",
    ]);

    /// <summary>Element names a boundary event may be attached to (refused ones included).</summary>
    public static readonly FrozenSet<string> ActivityElements = FrozenSet.ToFrozenSet(
    [
        "task", "userTask", "serviceTask", "sendTask", "businessRuleTask", "scriptTask",
        "manualTask", "receiveTask", "subProcess", "callActivity", "transaction", "adHocSubProcess",
    ]);

    public static bool IsEventDefinition(XElement e) =>
        e.Name.Namespace == Bpmn && (e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)
            || e.Name.LocalName == "eventDefinitionRef");

    /// <summary>The prefixed name used in messages, e.g. <c>bpmn:manualTask</c>, whatever prefix the file used.</summary>
    public static string Display(XElement e) =>
        e.Name.Namespace == Bpmn ? "bpmn:" + e.Name.LocalName
        : e.Name.Namespace == Rjh ? "rjh:" + e.Name.LocalName
        : e.Name.LocalName;
}
