using RJH.DeviceWorkflows.Engine.Model;
using static RJH.DeviceWorkflows.Engine.Tests.Reading.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

public class ActivityReadingTests
{
    private static T Node<T>(string middle) where T : FlowNode => Assert.IsType<T>(Accept(Around(middle)).Node("x"));

    [Fact]
    public void User_task_reads_assignee_candidate_roles_form_key_due_time_and_mappings()
    {
        var task = Node<UserTask>("""
            <bpmn:userTask id="x" name="Approve" rjh:assignee="manager(initiator)" rjh:candidateRoles="Manager, HR ,"
                rjh:formKey="approve-order" rjh:dueIn="P3DT4H">
              <bpmn:extensionElements>
                <rjh:input name="order" expression="order" />
                <rjh:output name="approved" expression="form.approved" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            """);

        Assert.Equal(("Approve", "manager(initiator)", "approve-order", "P3DT4H"), (task.Name, task.Assignee, task.FormKey, task.DueIn));
        Assert.Equal(new[] { "Manager", "HR" }, task.CandidateRoles);
        Assert.Equal(new[] { new Mapping("order", "order") }, task.Inputs);
        Assert.Equal(new[] { new Mapping("approved", "form.approved") }, task.Outputs);
    }

    [Theory]
    [InlineData("serviceTask", TaskKind.Service)]
    [InlineData("sendTask", TaskKind.Send)]
    [InlineData("businessRuleTask", TaskKind.BusinessRule)]
    public void Service_send_and_business_rule_tasks_read_activity_type_inputs_and_outputs(string element, TaskKind kind)
    {
        var task = Node<ServiceTask>($"""
            <bpmn:{element} id="x" rjh:activity="Mdm.EnrollDevice">
              <bpmn:extensionElements>
                <rjh:input name="imei" expression="device.imei" />
                <rjh:input name="profile" expression="'standard'" />
                <rjh:input name="note" expression="" />
                <rjh:output name="enrollmentId" expression="result.id" />
              </bpmn:extensionElements>
            </bpmn:{element}>
            """);

        Assert.Equal((kind, "Mdm.EnrollDevice"), (task.Kind, task.ActivityType));
        Assert.Equal(new[] { new Mapping("imei", "device.imei"), new Mapping("profile", "'standard'") }, task.Inputs);
        Assert.Equal(new[] { new Mapping("enrollmentId", "result.id") }, task.Outputs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("scriptFormat=\"javascript\"")]
    [InlineData("scriptFormat=\"JavaScript\"")]
    [InlineData("scriptFormat=\"js\"")]
    [InlineData("scriptFormat=\"ecmascript\"")]
    public void Script_task_reads_its_javascript_body(string format)
    {
        var task = Node<ScriptTask>($"""
            <bpmn:scriptTask id="x" {format}>
              <bpmn:script><![CDATA[total = items.length > 0 ? items.length : 0;]]></bpmn:script>
            </bpmn:scriptTask>
            """);

        Assert.Equal("total = items.length > 0 ? items.length : 0;", task.Script);
    }

    [Fact]
    public void Sub_process_children_get_the_sub_process_as_scope()
    {
        var model = Accept(Around($"""
            <bpmn:subProcess id="x" name="Deliver">
              <bpmn:extensionElements><rjh:input name="device" expression="order.device" /></bpmn:extensionElements>
              <bpmn:startEvent id="in_start" />
              <bpmn:subProcess id="nested"><bpmn:startEvent id="deep" /></bpmn:subProcess>
              <bpmn:endEvent id="in_end" />
              {Flows("in_start->nested", "nested->in_end")}
            </bpmn:subProcess>
            """));

        var sub = Assert.IsType<SubProcess>(model.Node("x"));
        Assert.Equal((null, "Deliver"), (sub.ScopeId, sub.Name));
        Assert.Equal(new[] { new Mapping("device", "order.device") }, sub.Inputs);
        Assert.Equal("x", model.Node("in_start").ScopeId);
        Assert.Equal("x", model.Node("in_end").ScopeId);
        Assert.Equal("x", model.Node("nested").ScopeId);
        Assert.Equal("nested", model.Node("deep").ScopeId);
        Assert.Equal(("in_start", "nested"), (model.Flows["in_start_nested"].SourceId, model.Flows["in_start_nested"].TargetId));
    }

    [Fact]
    public void Call_activity_reads_called_element_and_mappings()
    {
        var call = Node<CallActivity>("""
            <bpmn:callActivity id="x" calledElement="return-device">
              <bpmn:extensionElements>
                <rjh:input name="deviceId" expression="device.id" />
                <rjh:output name="returned" expression="result.returned" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            """);

        Assert.Equal("return-device", call.CalledElement);
        Assert.Equal(new[] { new Mapping("deviceId", "device.id") }, call.Inputs);
        Assert.Equal(new[] { new Mapping("returned", "result.returned") }, call.Outputs);
    }

    [Fact]
    public void Multi_instance_reads_collection_element_variable_and_outputs()
    {
        var task = Node<UserTask>("""
            <bpmn:userTask id="x">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" rjh:collection="order.approvers"
                  rjh:elementVariable="approver" rjh:outputCollection="decisions" rjh:outputElement="form.decision" />
            </bpmn:userTask>
            """);

        Assert.Equal(new MultiInstance(true, "order.approvers", "approver") { OutputCollection = "decisions", OutputElement = "form.decision" },
            task.MultiInstance);
    }

    [Theory]
    [InlineData("""<bpmn:subProcess id="x"><MI/><bpmn:startEvent id="inner" /></bpmn:subProcess>""")]
    [InlineData("""<bpmn:callActivity id="x" calledElement="other"><MI/></bpmn:callActivity>""")]
    [InlineData("""<bpmn:serviceTask id="x" rjh:activity="Mail.Send"><MI/></bpmn:serviceTask>""")]
    [InlineData("""<bpmn:scriptTask id="x"><MI/><bpmn:script>a = 1</bpmn:script></bpmn:scriptTask>""")]
    public void Multi_instance_is_read_on_every_activity_kind(string element)
    {
        var xml = Around(element.Replace("<MI/>",
            """<bpmn:multiInstanceLoopCharacteristics rjh:collection="devices" rjh:elementVariable="device" />"""));

        var activity = Assert.IsAssignableFrom<Activity>(Accept(xml).Node("x"));

        Assert.Equal(new MultiInstance(false, "devices", "device"), activity.MultiInstance);
    }
}
