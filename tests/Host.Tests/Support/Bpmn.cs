namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>
/// Small BPMN files written as bpmn-js saves them (diagram interchange included), using the
/// <c>rjh</c> extension attributes of urn:rjh:device-workflows:1.
/// </summary>
internal static class Bpmn
{
    private const string Open = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:rjh="urn:rjh:device-workflows:1" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="bpmn-js (https://demo.bpmn.io)" exporterVersion="17.11.1">
        """ + "\n";

    /// <summary>
    /// Key <c>manager-approval</c>, started by managers: user task <c>Task_Approve</c> for role Manager
    /// (form key <c>example-approval</c>, which has no form file, so it takes no values unless a test publishes one: <see cref="TestForms"/>), then an exclusive gateway: <c>vars.amount &gt; 1000</c> ends in
    /// <c>End_Large</c>, otherwise (default flow) in <c>End_Approved</c>.
    /// </summary>
    public const string ManagerApproval = Open + """
          <bpmn:process id="manager-approval" name="Chefsgodkännande" isExecutable="true" rjh:starterRoles="Manager">
            <bpmn:startEvent id="StartEvent_1" name="Beställning inkommen">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Approve" />
            <bpmn:userTask id="Task_Approve" name="Godkänn beställning" rjh:candidateRoles="Manager" rjh:formKey="example-approval">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Approve" targetRef="Gateway_Amount" />
            <bpmn:exclusiveGateway id="Gateway_Amount" name="Stort belopp?" default="Flow_Small">
              <bpmn:incoming>Flow_2</bpmn:incoming>
              <bpmn:outgoing>Flow_Large</bpmn:outgoing>
              <bpmn:outgoing>Flow_Small</bpmn:outgoing>
            </bpmn:exclusiveGateway>
            <bpmn:sequenceFlow id="Flow_Large" name="Ja" sourceRef="Gateway_Amount" targetRef="End_Large">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">vars.amount &gt; 1000</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Small" name="Nej" sourceRef="Gateway_Amount" targetRef="End_Approved" />
            <bpmn:endEvent id="End_Large" name="Stor beställning godkänd">
              <bpmn:incoming>Flow_Large</bpmn:incoming>
            </bpmn:endEvent>
            <bpmn:endEvent id="End_Approved" name="Godkänd">
              <bpmn:incoming>Flow_Small</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="manager-approval">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="152" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Approve_di" bpmnElement="Task_Approve">
                <dc:Bounds x="240" y="80" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Gateway_Amount_di" bpmnElement="Gateway_Amount" isMarkerVisible="true">
                <dc:Bounds x="395" y="95" width="50" height="50" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_Large_di" bpmnElement="End_Large">
                <dc:Bounds x="502" y="32" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_Approved_di" bpmnElement="End_Approved">
                <dc:Bounds x="502" y="172" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                <di:waypoint x="188" y="120" />
                <di:waypoint x="240" y="120" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
                <di:waypoint x="340" y="120" />
                <di:waypoint x="395" y="120" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_Large_di" bpmnElement="Flow_Large">
                <di:waypoint x="420" y="95" />
                <di:waypoint x="420" y="50" />
                <di:waypoint x="502" y="50" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_Small_di" bpmnElement="Flow_Small">
                <di:waypoint x="420" y="145" />
                <di:waypoint x="420" y="190" />
                <di:waypoint x="502" y="190" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Key <c>employee-request</c>, started by employees: user task <c>Task_Review</c> assigned to <c>vars.reviewer</c>.</summary>
    public const string AssignedReview = Open + """
          <bpmn:process id="employee-request" name="Ärende från anställd" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="StartEvent_1">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Review" />
            <bpmn:userTask id="Task_Review" name="Granska ärendet" rjh:assignee="vars.reviewer" rjh:candidateRoles="Manager" rjh:formKey="review">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1">
              <bpmn:incoming>Flow_2</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="employee-request">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="152" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review">
                <dc:Bounds x="240" y="80" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">
                <dc:Bounds x="392" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                <di:waypoint x="188" y="120" />
                <di:waypoint x="240" y="120" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
                <di:waypoint x="340" y="120" />
                <di:waypoint x="392" y="120" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>
    /// Key <c>risk-wait</c>, started by employees: waits at <c>Catch_Approved</c> for message
    /// <c>risk-assessment-approved</c> correlated on <c>vars.unitId</c>.
    /// </summary>
    public const string MessageWait = Open + """
          <bpmn:message id="Msg1" name="risk-assessment-approved" />
          <bpmn:process id="risk-wait" name="Väntar på riskbedömning" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="StartEvent_1">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Catch_Approved" />
            <bpmn:intermediateCatchEvent id="Catch_Approved" name="Riskbedömning godkänd" rjh:correlationKey="vars.unitId">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
              <bpmn:messageEventDefinition id="MessageEventDefinition_1" messageRef="Msg1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Catch_Approved" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1">
              <bpmn:incoming>Flow_2</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="risk-wait">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="152" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Catch_Approved_di" bpmnElement="Catch_Approved">
                <dc:Bounds x="252" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">
                <dc:Bounds x="352" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                <di:waypoint x="188" y="120" />
                <di:waypoint x="252" y="120" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
                <di:waypoint x="288" y="120" />
                <di:waypoint x="352" y="120" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Key <c>timer-wait</c>, started by employees: waits one hour at <c>Timer_Wait</c>, then ends.</summary>
    public const string TimerWait = Open + """
          <bpmn:process id="timer-wait" name="Vänta en timme" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="StartEvent_1">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Timer_Wait" />
            <bpmn:intermediateCatchEvent id="Timer_Wait" name="En timme">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
              <bpmn:timerEventDefinition id="TimerEventDefinition_1">
                <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Timer_Wait" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1">
              <bpmn:incoming>Flow_2</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="timer-wait">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="152" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Timer_Wait_di" bpmnElement="Timer_Wait">
                <dc:Bounds x="252" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">
                <dc:Bounds x="352" y="102" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                <di:waypoint x="188" y="120" />
                <di:waypoint x="252" y="120" />
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
                <di:waypoint x="288" y="120" />
                <di:waypoint x="352" y="120" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>Key <c>bad-complex</c>: a complex gateway (<c>Gateway_Complex</c>), which the engine does not support.</summary>
    public const string UnsupportedElement = Open + """
          <bpmn:process id="bad-complex" isExecutable="true" rjh:starterRoles="Employee">
            <bpmn:startEvent id="StartEvent_1">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Gateway_Complex" />
            <bpmn:complexGateway id="Gateway_Complex">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:complexGateway>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Gateway_Complex" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1">
              <bpmn:incoming>Flow_2</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Key <c>broken</c>, cut off in the middle of an element: not well-formed XML.</summary>
    public const string Malformed = Open + """
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1">
              <bpmn:outgoing>Flow_1
        """;
}
