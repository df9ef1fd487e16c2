using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Model.Reading;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class ProcessReadingTests
{
    // As bpmn-js saves it, with a Camunda extension, documentation and the diagram section.
    private const string ModelerFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:rjh="urn:rjh:device-workflows:1" id="Definitions_0x1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.30.0">
          <bpmn:process id="order-phone" name="Order a phone" isExecutable="true" rjh:starterRoles=" Employee, Manager ,">
            <bpmn:documentation>Employees order a phone for themselves.</bpmn:documentation>
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="owner" value="ServiceCenter" /></camunda:properties>
            </bpmn:extensionElements>
            <bpmn:startEvent id="StartEvent_1" name="Order placed">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:userTask id="Activity_approve" name="Approve" camunda:assignee="legacy" rjh:candidateRoles="Manager">
              <bpmn:incoming>Flow_1</bpmn:incoming>
              <bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:endEvent id="Event_done" name="Done">
              <bpmn:incoming>Flow_2</bpmn:incoming>
            </bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_2" name="approved" sourceRef="Activity_approve" targetRef="Event_done" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_approve" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="order-phone">
              <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
                <dc:Bounds x="179" y="99" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Activity_approve_di" bpmnElement="Activity_approve">
                <dc:Bounds x="270" y="77" width="100" height="80" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
                <di:waypoint x="215" y="117" />
                <di:waypoint x="270" y="117" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    [Fact]
    public void Reads_a_modeler_file_into_key_name_roles_nodes_and_flows()
    {
        var model = Accept(ModelerFile);

        Assert.Equal("order-phone", model.Key);
        Assert.Equal("Order a phone", model.Name);
        Assert.Equal(new[] { "Employee", "Manager" }, model.StarterRoles);
        Assert.Equal(new[] { "Activity_approve", "Event_done", "StartEvent_1" }, model.Nodes.Keys.Order());
        var start = Assert.IsType<StartEvent>(model.Node("StartEvent_1"));
        Assert.Equal(("Order placed", (string?)null, EventTriggerKind.None), (start.Name, start.ScopeId, start.Trigger.Kind));
        Assert.Equal(LineOf(ModelerFile, "id=\"StartEvent_1\""), start.Line);
        var flow = model.Flows["Flow_2"];
        Assert.Equal(("Activity_approve", "Event_done", "approved"), (flow.SourceId, flow.TargetId, flow.Name));
        Assert.Equal(LineOf(ModelerFile, "id=\"Flow_2\""), flow.Line);
        Assert.Null(flow.Condition);
    }

    [Fact]
    public void Takes_the_executable_process_of_a_collaboration_and_ignores_the_other_pools()
    {
        var xml = $"""
            <bpmn:definitions {Namespaces}id="d">
              <bpmn:collaboration id="c">
                <bpmn:participant id="pool_a" processRef="a" />
                <bpmn:participant id="pool_b" processRef="b" />
                <bpmn:messageFlow id="mf" sourceRef="ta" targetRef="pool_b" />
              </bpmn:collaboration>
              <bpmn:process id="a" isExecutable="false"><bpmn:manualTask id="ta" /></bpmn:process>
              <bpmn:process id="b" isExecutable="true"><bpmn:startEvent id="sb" /></bpmn:process>
            </bpmn:definitions>
            """;

        Assert.Equal("b", Accept(xml).Key);
    }

    [Fact]
    public void Takes_the_only_process_even_when_it_is_not_marked_executable()
    {
        var xml = Process("""<bpmn:startEvent id="s" />""").Replace("isExecutable=\"true\"", "isExecutable=\"false\"");

        Assert.Equal("p", Accept(xml).Key);
    }

    [Fact]
    public void Refuses_several_executable_processes()
    {
        var xml = $"""
            <bpmn:definitions {Namespaces}id="d">
              <bpmn:process id="a" isExecutable="true"><bpmn:startEvent id="sa" /></bpmn:process>
              <bpmn:process id="b" isExecutable="true"><bpmn:startEvent id="sb" /></bpmn:process>
            </bpmn:definitions>
            """;

        var diagnostics = Refuse(xml);

        AssertReported(xml, diagnostics, "a", "isExecutable");
        AssertReported(xml, diagnostics, "b", "isExecutable");
    }

    [Fact]
    public void Refuses_several_processes_of_which_none_is_marked_executable()
    {
        var xml = $"""
            <bpmn:definitions {Namespaces}id="d">
              <bpmn:process id="a"><bpmn:startEvent id="sa" /></bpmn:process>
              <bpmn:process id="b"><bpmn:startEvent id="sb" /></bpmn:process>
            </bpmn:definitions>
            """;

        AssertReported(xml, Refuse(xml), "d", "none is marked");
    }

    [Fact]
    public void Accepts_and_ignores_documentation_only_content()
    {
        var xml = Process("""
                <bpmn:laneSet id="ls"><bpmn:lane id="lane1"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
                <bpmn:ioSpecification id="io"><bpmn:dataInput id="di1" /><bpmn:inputSet id="is1" /><bpmn:outputSet id="os1" /></bpmn:ioSpecification>
                <bpmn:startEvent id="start"><bpmn:documentation>why</bpmn:documentation></bpmn:startEvent>
                <bpmn:userTask id="x">
                  <bpmn:dataInputAssociation id="dia"><bpmn:sourceRef>dor</bpmn:sourceRef></bpmn:dataInputAssociation>
                  <bpmn:dataOutputAssociation id="doa"><bpmn:targetRef>dsr</bpmn:targetRef></bpmn:dataOutputAssociation>
                </bpmn:userTask>
                <bpmn:dataObject id="do" />
                <bpmn:dataObjectReference id="dor" dataObjectRef="do" />
                <bpmn:dataStoreReference id="dsr" />
                <bpmn:textAnnotation id="ta"><bpmn:text>note</bpmn:text></bpmn:textAnnotation>
                <bpmn:association id="as" sourceRef="x" targetRef="ta" />
                <bpmn:group id="grp" categoryValueRef="cv" />
            """ + Flows("start->x"),
            roots: """
                <bpmn:category id="cat"><bpmn:categoryValue id="cv" value="g" /></bpmn:category>
                <bpmn:itemDefinition id="item" /><bpmn:signal id="sig" /><bpmn:escalation id="esc" />
                <bpmn:resource id="res" /><bpmn:interface id="if" name="i" />
                """);

        Assert.Equal(2, Accept(xml).Nodes.Count);
    }
}
