using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// The people a rollout orders for: in the units (not below them), with no device assigned or on loan, not flagged
/// for offboarding, and without an open order (an order already under way is not doubled).
/// </summary>
[Activity("Register.FindEmployeesWithoutDevice", Category = "Register", DisplayNameSv = "Medarbetare utan enhet", DisplayNameEn = "Employees without device",
    Execution = ActivityExecution.Inline,
    DescriptionSv = "Medarbetare i enheterna som varken har en enhet eller en öppen beställning.",
    DescriptionEn = "People of the units with no device and no open order.")]
[ActivityInput("unitIds", ActivityValueType.Array, Required = true, DescriptionSv = "Enheternas id", DescriptionEn = "The units' ids")]
[ActivityOutput("employeeIds", ActivityValueType.Array, DescriptionSv = "Anställningsnummer", DescriptionEn = "Employee ids")]
public sealed class FindEmployeesWithoutDeviceActivity(IRegisterDirectory directory, IDeviceOrders orders) : IActivity
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var people = (await directory.PeopleInUnitsAsync(context.RequiredStringList("unitIds"), ct)).Where(p => !p.FlaggedForOffboarding).ToList();
        var ordering = await orders.WithOpenOrderAsync(people.Select(p => p.EmployeeId), ct);
        var without = new List<string>();
        foreach (var person in people.Where(p => !ordering.Contains(p.EmployeeId)).OrderBy(p => p.EmployeeId, StringComparer.Ordinal))
            if ((await directory.DevicesAssignedToAsync(person.EmployeeId, ct)).Count == 0) without.Add(person.EmployeeId);
        return ActivityInputs.Outputs(("employeeIds", without)) with { JournalNote = $"{without.Count} of {people.Count} without a device" };
    }
}
