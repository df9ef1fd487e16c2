using System.Security.Claims;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Telephony;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Host.Features.Team;

/// <summary>One person of the manager's units with what they hold.</summary>
public sealed record TeamMember(PersonInfo Person, UnitInfo? Unit, IReadOnlyList<DeviceView> Devices,
    IReadOnlyList<SubscriptionView> Subscriptions, bool HasOpenOrder)
{
    /// <summary>Under a rollout everyone in the unit should get a phone: this person has none and none is on its way.</summary>
    public bool LacksDeviceUnderRollout =>
        Unit is { Rollout: not RolloutMode.None } && !HasOpenOrder
        && !Devices.Any(d => d.Type == DeviceType.Phone && d.Status is DeviceStatus.Assigned or DeviceStatus.OnLoan);
}

public sealed record TeamOverview(IReadOnlyList<TeamMember> Members, IReadOnlyList<RemoteWorkAgreementView> Agreements);

/// <summary>
/// Min enhet: the people of the units the signed-in manager manages (and the units below them), what each holds,
/// and starting onboarding and offboarding for them. Everything is read through the register's own services, and
/// the workflows' starter roles and start checks still apply when a process is started.
/// </summary>
public sealed class TeamQueries(IRegisterDirectory directory, IOrgRegister org, IDeviceOrders orders,
    IRemoteWorkAgreementService agreements, IWorkflowEngine engine)
{
    public async Task<TeamOverview> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var units = await directory.UnitsManagedByAsync(caller.UserName, ct);
        var people = await directory.PeopleInUnitsAsync(units, ct);
        var withOrder = await orders.WithOpenOrderAsync(people.Select(p => p.EmployeeId), ct);
        var unitInfo = new Dictionary<string, UnitInfo?>();
        var members = new List<TeamMember>();
        foreach (var person in people.OrderBy(p => p.Name, StringComparer.CurrentCulture))
        {
            if (person.UnitId is { } unitId && !unitInfo.ContainsKey(unitId)) unitInfo[unitId] = await directory.FindUnitAsync(unitId, ct);
            var links = await org.LinksOfAsync(person.EmployeeId, ct);
            members.Add(new TeamMember(person, person.UnitId is null ? null : unitInfo[person.UnitId], links.Devices, links.Subscriptions,
                withOrder.Contains(person.EmployeeId)));
        }
        var ids = people.Select(p => p.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var theirAgreements = (await agreements.ListAsync(user.ToRegisterUser(), ct)).Where(a => ids.Contains(a.EmployeeId)).ToList();
        return new TeamOverview(members, theirAgreements);
    }

    public async Task<InstanceView> StartOnboardingAsync(ClaimsPrincipal user, string employeeId, DateOnly firstDay, CancellationToken ct = default) =>
        await StartForAsync(user, "onboarding", employeeId, new JsonObject { ["startDate"] = firstDay.ToString("O") }, ct);

    public async Task<InstanceView> StartOffboardingAsync(ClaimsPrincipal user, string employeeId, DateOnly lastDay, CancellationToken ct = default) =>
        await StartForAsync(user, "offboarding", employeeId, new JsonObject { ["lastDay"] = lastDay.ToString("O") }, ct);

    /// <exception cref="ForbiddenException">The person is not in one of the caller's units.</exception>
    private async Task<InstanceView> StartForAsync(ClaimsPrincipal user, string process, string employeeId, JsonObject variables,
        CancellationToken ct)
    {
        var caller = user.ToCaller();
        var person = await directory.FindPersonAsync(employeeId, ct);
        var units = await directory.UnitsManagedByAsync(caller.UserName, ct);
        if (!caller.IsAdmin && (person?.UnitId is null || !units.Contains(person.UnitId)))
            throw new ForbiddenException("Du kan bara starta detta för personer i dina enheter.");
        variables["employeeId"] = employeeId;
        return await engine.StartAsync(new StartInstance(process, null, variables, person?.UserName), caller, ct);
    }
}
