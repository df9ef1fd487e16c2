namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Wraps process content in the definitions element bpmn-js writes, so tests show only what matters.</summary>
internal static class Bpmn
{
    public static string Process(string id, string content, string? starterRoles = "Employee", string extraRoot = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:rjh="urn:rjh:device-workflows:1"
            id="Definitions_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          {extraRoot}
          <bpmn:process id="{id}" isExecutable="true"{(starterRoles is null ? "" : $" rjh:starterRoles=\"{starterRoles}\"")}>
        {content}
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static string Flow(string id, string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    /// <summary>A chain of flows through the given element ids: f1 a→b, f2 b→c, ...</summary>
    public static string Chain(string prefix, params string[] ids) =>
        string.Join("\n", ids.Zip(ids.Skip(1), (a, b) => (a, b)).Select((p, i) => Flow($"{prefix}{i + 1}", p.a, p.b)));

    public static string UserTask(string id, string roles = "Employee", string extra = "") =>
        $"""<bpmn:userTask id="{id}" name="{id}" rjh:candidateRoles="{roles}" rjh:formKey="{id}-form" {extra} />""";

    public static string Service(string id, string activity, string inputs = "", string outputs = "", string extra = "") => $"""
        <bpmn:serviceTask id="{id}" rjh:activity="{activity}" {extra}>
          <bpmn:extensionElements>{inputs}{outputs}</bpmn:extensionElements>
        </bpmn:serviceTask>
        """;

    public static string Input(string name, string expression) =>
        $"""<rjh:input name="{name}" expression="{System.Security.SecurityElement.Escape(expression)}" />""";

    public static string Output(string name, string expression) =>
        $"""<rjh:output name="{name}" expression="{System.Security.SecurityElement.Escape(expression)}" />""";
}
