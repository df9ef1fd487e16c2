using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Register;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Rules;
using Facts = RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Host.Features.SelfService;

/// <summary>What a person asks for on the order page.</summary>
public sealed record DeviceOrderRequest(string EmployeeId, Facts.DeviceType DeviceType, Facts.RequestReason Reason);

/// <summary>The outcome of asking: the entitlement decision, or why the caller may not order for that person.</summary>
public sealed record OrderPreview(PolicyDecision? Decision, bool NotAllowed);

/// <summary>
/// Ordering from the order page: the entitlement decision shown before sending is made exactly as the
/// <c>ordering</c> workflow makes it (the same facts from <see cref="EmployeeFacts"/>, the same rule set), and sending
/// starts that workflow with the same variables an API client posts — its start condition still has the last word.
/// </summary>
public sealed class DeviceOrdering(IRegisterDirectory directory, IOrgRegister org, EmployeeFacts facts, RequestedByRule requestedBy,
    IPolicyService policy, IWorkflowEngine engine)
{
    public const string Process = "ordering";

    /// <summary>People the caller may order for: themself, and for a manager the people of the units they manage.</summary>
    public async Task<IReadOnlyList<PersonInfo>> OrderableForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userName = user.ToCaller().UserName;
        var people = new List<PersonInfo>();
        if (await directory.FindPersonByUserNameAsync(userName, ct) is { } self) people.Add(self);
        var units = await directory.UnitsManagedByAsync(userName, ct);
        if (units.Count > 0)
            people.AddRange((await directory.PeopleInUnitsAsync(units, ct)).Where(p => people.All(q => q.EmployeeId != p.EmployeeId))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture));
        return people;
    }

    public async Task<OrderPreview> PreviewAsync(ClaimsPrincipal user, DeviceOrderRequest request, CancellationToken ct = default)
    {
        var person = await directory.FindPersonAsync(request.EmployeeId, ct);
        if (person is null) return new OrderPreview(null, NotAllowed: true);
        try
        {
            await requestedBy.EnsureMayActForAsync(user.ToCaller().UserName, person, ct);
        }
        catch (BpmnErrorException)
        {
            return new OrderPreview(null, NotAllowed: true);
        }
        var links = await org.LinksOfAsync(person.EmployeeId, ct);
        var employeeFacts = await facts.BuildAsync(person, links,
            new Facts.DeviceRequest { DeviceType = request.DeviceType, Reason = request.Reason }, ancestry: null, ct);
        var decision = await policy.EvaluateAsync("entitlement", JsonSerializer.Deserialize<JsonElement>(employeeFacts!.ToJsonString()), null, ct);
        return new OrderPreview(decision, NotAllowed: false);
    }

    /// <exception cref="WorkflowException">The start condition refused (403) or the model is missing.</exception>
    public async Task<InstanceView> PlaceAsync(ClaimsPrincipal user, DeviceOrderRequest request, CancellationToken ct = default)
    {
        // A manager's order for someone in their unit is also that person's request to follow.
        var person = await directory.FindPersonAsync(request.EmployeeId, ct);
        return await engine.StartAsync(new StartInstance(Process, null, new JsonObject
        {
            ["employeeId"] = request.EmployeeId,
            ["deviceType"] = request.DeviceType.ToString(),
            ["reason"] = request.Reason.ToString(),
        }, person?.UserName), user.ToCaller(), ct);
    }
}
