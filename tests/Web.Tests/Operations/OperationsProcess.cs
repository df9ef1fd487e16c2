namespace RJH.DeviceWorkflows.Web.Tests.Operations;

/// <summary>
/// A small process with a diagram (so bpmn-js can draw it): start → "Skapa anknytning" (a job against the simulated
/// switchboard, for the employee in variable <c>employeeId</c>) → end. An employee id the register lacks fails the
/// step every attempt: an incident, fixed by retrying with a known id.
/// </summary>
internal static class OperationsProcess
{
    public const string Key = "ops-extension";
    public const string Name = "Anknytning till medarbetare";
    public const string Step = "createExtension";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:rjh="urn:rjh:device-workflows:1"
            id="Definitions_ops" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="ops-extension" name="Anknytning till medarbetare" isExecutable="true" rjh:starterRoles="Admin">
            <bpmn:startEvent id="start" name="Beställd"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="createExtension" name="Skapa anknytning" rjh:activity="Telephony.CreateExtension">
              <bpmn:extensionElements>
                <rjh:input name="employeeId" expression="vars.employeeId" />
                <rjh:output name="extensionNumber" expression="result.number" />
              </bpmn:extensionElements>
              <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="end" name="Klar"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="createExtension" />
            <bpmn:sequenceFlow id="f2" sourceRef="createExtension" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_ops">
            <bpmndi:BPMNPlane id="Plane_ops" bpmnElement="ops-extension">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="createExtension_di" bpmnElement="createExtension"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="370" y="100" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="370" y="118" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
