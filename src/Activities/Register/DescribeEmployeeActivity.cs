using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;
using Facts = RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Reads an employee for a workflow: who they are and who their manager is (their own manager, else the nearest unit
/// manager above them who is not themself), the policy facts, and what they hold. An unknown employee id is a
/// technical failure (the model was started with a wrong id); a <c>requestedBy</c> who may not act for the employee is
/// BPMN error <c>not-allowed</c> (<see cref="RequestedByRule"/>). The journal names the employee id only.
/// </summary>
[Activity("Register.DescribeEmployee", Category = "Register", DisplayNameSv = "Hämta medarbetare", DisplayNameEn = "Describe employee",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Läser medarbetaren, chefen, policyfakta och vad medarbetaren har (enheter, abonnemang, anknytningar).",
    DescriptionEn = "Reads the employee, their manager, the policy facts and what they hold (devices, subscriptions, extensions).")]
[ActivityInput("employeeId", ActivityValueType.String, Required = true, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee id")]
[ActivityInput("deviceType", ActivityValueType.String, Choices = ["Phone", "Tablet", "DataOnlyPhone"],
    DescriptionSv = "Efterfrågad typ (för fakta.request)", DescriptionEn = "Requested type (for facts.request)")]
[ActivityInput("reason", ActivityValueType.String, Choices = ["New", "Replacement", "Loss"], DescriptionSv = "Skäl", DescriptionEn = "Reason")]
[ActivityInput("underRollout", ActivityValueType.Boolean, DescriptionSv = "Del av utrullning", DescriptionEn = "Part of a rollout")]
[ActivityInput("requestedBy", ActivityValueType.String,
    DescriptionSv = "Användaren som begär (måste få agera för medarbetaren)", DescriptionEn = "The requesting user (must be allowed to act for the employee)")]
[ActivityOutput("employee", ActivityValueType.Object,
    DescriptionSv = "{employeeId, userName, name, unitId, managerEmployeeId, managerUserName}", DescriptionEn = "{employeeId, userName, name, unitId, managerEmployeeId, managerUserName}")]
[ActivityOutput("facts", ActivityValueType.Object, DescriptionSv = "Policyfakta {employee, unit, request}", DescriptionEn = "Policy facts {employee, unit, request}")]
[ActivityOutput("devices", ActivityValueType.Array, DescriptionSv = "[{id, type, model, status}]", DescriptionEn = "[{id, type, model, status}]")]
[ActivityOutput("subscriptions", ActivityValueType.Array, DescriptionSv = "[{id, msisdn, status}]", DescriptionEn = "[{id, msisdn, status}]")]
[ActivityOutput("extensions", ActivityValueType.Array, DescriptionSv = "[{id, number}]", DescriptionEn = "[{id, number}]")]
public sealed class DescribeEmployeeActivity(IRegisterDirectory directory, IOrgRegister org, RequestedByRule requestedBy, EmployeeFacts facts)
    : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var employeeId = context.RequiredString("employeeId");
        var person = await directory.FindPersonAsync(employeeId, ct)
            ?? throw new InvalidOperationException($"Register.DescribeEmployee: there is no employee '{employeeId}' in the register.");
        await requestedBy.EnsureMayActForAsync(context.OptionalString("requestedBy"), person, ct);

        // Read once: both the manager above the person and the policy's unit facts come from the unit's ancestry.
        IReadOnlyList<UnitInfo> ancestry = person.UnitId is { } unitId ? await directory.AncestryAsync(unitId, ct) : [];
        var managerId = ManagerOf(person, ancestry);
        var manager = managerId is null ? null : await directory.FindPersonAsync(managerId, ct);
        var links = await org.LinksOfAsync(person.EmployeeId, ct);
        return ActivityInputs.Outputs(
            ("employee", new { employeeId = person.EmployeeId, person.UserName, person.Name, person.UnitId, managerEmployeeId = managerId,
                managerUserName = manager?.UserName }),
            ("facts", await facts.BuildAsync(person, links, Request(context), ancestry, ct)),
            ("devices", links.Devices.Select(d => new { d.Id, d.Type, d.Model, d.Status })),
            ("subscriptions", links.Subscriptions.Select(s => new { s.Id, s.Msisdn, s.Status })),
            ("extensions", links.Extensions.Select(x => new { x.Id, x.Number }))) with
        {
            JournalNote = $"Employee {person.EmployeeId}: {links.Devices.Count} device(s), {links.Subscriptions.Count} subscription(s)",
        };
    }

    /// <summary>The person's own manager, else the nearest unit manager above them who is not themself (a manager's manager).</summary>
    private static string? ManagerOf(PersonInfo person, IReadOnlyList<UnitInfo> ancestry) =>
        person.ManagerEmployeeId ?? ancestry.Select(u => u.ManagerEmployeeId).FirstOrDefault(m => m is not null && m != person.EmployeeId);

    /// <summary>The request part of the facts, only when a device type is asked about; the reason defaults to New as the models' does.</summary>
    private static Facts.DeviceRequest? Request(ActivityContext context) => context.OptionalEnum<Facts.DeviceType>("deviceType") is { } type
        ? new Facts.DeviceRequest
        {
            DeviceType = type,
            Reason = context.OptionalEnum<Facts.RequestReason>("reason") ?? Facts.RequestReason.New,
            UnderRollout = context.OptionalBool("underRollout"),
        }
        : null;
}
