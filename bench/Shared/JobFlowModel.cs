namespace RJH.DeviceWorkflows.Bench;

/// <summary>P2's process: three job activities in a row whose work is instant (the bench activity Bench.Instant).</summary>
internal static class JobFlowModel
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:rjh="urn:rjh:device-workflows:1" id="d" targetNamespace="bench">
          <bpmn:process id="p2-jobs" name="Tre jobb" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="j1" rjh:activity="Bench.Instant" /><bpmn:serviceTask id="j2" rjh:activity="Bench.Instant" /><bpmn:serviceTask id="j3" rjh:activity="Bench.Instant" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="j1" /><bpmn:sequenceFlow id="f2" sourceRef="j1" targetRef="j2" />
            <bpmn:sequenceFlow id="f3" sourceRef="j2" targetRef="j3" /><bpmn:sequenceFlow id="f4" sourceRef="j3" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
