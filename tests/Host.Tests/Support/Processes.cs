using System.Security;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>
/// Compact BPMN for tests about runtime behaviour through the API (no diagram interchange: the engine does not
/// need it). <see cref="Bpmn"/> holds the files shaped exactly as bpmn-js saves them.
/// </summary>
internal static class Processes
{
    public static string Process(string id, string content, string starterRoles = "Employee") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:rjh="urn:rjh:device-workflows:1"
            id="Definitions_{id}" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="{id}" isExecutable="true" rjh:starterRoles="{starterRoles}">
        {content}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Flows f1 a→b, f2 b→c, ... through the given element ids.</summary>
    public static string Chain(params string[] ids) => string.Join("\n",
        ids.Zip(ids.Skip(1)).Select((p, i) => $"""<bpmn:sequenceFlow id="f{i + 1}" sourceRef="{p.First}" targetRef="{p.Second}" />"""));

    public static string Service(string id, string activity, params (string Name, string Expression)[] inputs) => $"""
        <bpmn:serviceTask id="{id}" rjh:activity="{activity}">
          <bpmn:extensionElements>{string.Concat(inputs.Select(i => $"""<rjh:input name="{i.Name}" expression="{SecurityElement.Escape(i.Expression)}" />"""))}
            <rjh:output name="{id}Result" expression="result" />
          </bpmn:extensionElements>
        </bpmn:serviceTask>
        """;

    /// <summary>start → a job activity <c>call</c> of the given type (inputs from variables <c>value</c>, <c>run</c>) → end.</summary>
    public static string OneJob(string key, string activity) => Process(key, $"""
        <bpmn:startEvent id="start" />
        {Service("call", activity, ("value", "vars.value"), ("run", "vars.run"))}
        <bpmn:endEvent id="end" />
        {Chain("start", "call", "end")}
        """);
}
