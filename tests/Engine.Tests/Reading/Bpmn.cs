using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Model.Reading;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>Builds small BPMN files the way bpmn-js saves them, and reads them with short assertions.</summary>
internal static class Bpmn
{
    public const string Namespaces =
        """xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:rjh="urn:rjh:device-workflows:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" """;

    /// <summary>A definitions file with one process (id <c>p</c>) around <paramref name="body"/>.</summary>
    public static string Process(string body, string processAttributes = "", string roots = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {Namespaces}id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          {roots}
          <bpmn:process id="p" isExecutable="true" {processAttributes}>
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Sequence flows written as <c>"a->b"</c>, each with the id <c>a_b</c>.</summary>
    public static string Flows(params string[] arrows) => string.Join("\n", arrows.Select(arrow =>
    {
        var (source, target) = (arrow.Split("->")[0], arrow.Split("->")[1]);
        return Flow($"{source}_{target}", source, target);
    }));

    public static string Flow(string id, string source, string target, string? condition = null) => condition is null
        ? $"""    <bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}" />"""
        : $"""
              <bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}">
                <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
          """;

    /// <summary>start → <paramref name="middle"/> (whose id is <c>x</c>) → end: the smallest valid frame around one element.</summary>
    public static string Around(string middle, string roots = "") => Process($"""
            <bpmn:startEvent id="start" />
            {middle}
            <bpmn:endEvent id="end" />
        {Flows("start->x", "x->end")}
        """, roots: roots);

    public static ProcessModel Accept(string xml, BpmnReaderOptions? options = null)
    {
        var result = BpmnReader.Read(xml, options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    public static IReadOnlyList<Diagnostic> Refuse(string xml, BpmnReaderOptions? options = null)
    {
        var result = BpmnReader.Read(xml, options);
        Assert.Null(result.Model);
        Assert.NotEmpty(result.Diagnostics);
        return result.Diagnostics;
    }

    /// <summary>Asserts a diagnostic for <paramref name="elementId"/> on the line where <paramref name="marker"/> (default: its id attribute) stands.</summary>
    public static Diagnostic AssertReported(string xml, IReadOnlyList<Diagnostic> diagnostics, string elementId,
        string? messagePart = null, string? marker = null)
    {
        var line = LineOf(xml, marker ?? $"id=\"{elementId}\"");
        var hit = diagnostics.FirstOrDefault(d => d.ElementId == elementId
            && (messagePart is null || d.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase)));
        Assert.True(hit is not null, $"No diagnostic for '{elementId}' ({messagePart}) among:\n{string.Join("\n", diagnostics)}");
        Assert.True(hit.Line > 0);
        Assert.Equal(line, hit.Line);
        return hit;
    }

    public static int LineOf(string xml, string marker)
    {
        var at = xml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' is not in the file");
        return xml[..at].Count(c => c == '\n') + 1;
    }
}
