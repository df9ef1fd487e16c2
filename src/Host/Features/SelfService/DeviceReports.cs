using System.Security.Claims;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.SelfService;

/// <summary>What a person reports about their own device.</summary>
public enum DeviceProblem { Broken, Lost }

/// <summary>
/// What a person starts from Mina enheter about a device of their own: a broken or lost device starts <c>swap</c>
/// (a loan device the same day, then repair or replacement); handing one in starts <c>device-return</c> (Servicecenter
/// receives, wipes and restocks it). Only a device assigned to the person qualifies.
/// </summary>
public sealed class DeviceReports(IRegisterDirectory directory, IWorkflowEngine engine, IWorkflowQueries workflows)
{
    public const string Process = "swap";
    public const string HandInProcess = "device-return";

    /// <exception cref="ForbiddenException">The device is not the caller's.</exception>
    public async Task<InstanceView> ReportAsync(ClaimsPrincipal user, Guid deviceId, DeviceProblem problem, CancellationToken ct = default)
    {
        var (caller, employeeId) = await OwnDeviceAsync(user, deviceId, ct);
        return await engine.StartAsync(new StartInstance(Process, null, new JsonObject
        {
            ["employeeId"] = employeeId,
            ["deviceId"] = deviceId.ToString(),
            ["kind"] = problem.ToString(),
        }), caller, ct);
    }

    /// <exception cref="ForbiddenException">The device is not the caller's.</exception>
    /// <exception cref="ConflictException">A hand-in of the device is already under way.</exception>
    public async Task<InstanceView> HandInAsync(ClaimsPrincipal user, Guid deviceId, CancellationToken ct = default)
    {
        var (caller, employeeId) = await OwnDeviceAsync(user, deviceId, ct);
        if ((await PendingHandInsAsync(user, ct)).Contains(deviceId))
            throw new ConflictException("Enheten är redan anmäld för inlämning.");
        return await engine.StartAsync(new StartInstance(HandInProcess, null, new JsonObject
        {
            ["employeeId"] = employeeId,
            ["deviceId"] = deviceId.ToString(),
        }), caller, ct);
    }

    /// <summary>The devices the person has announced for hand-in that Servicecenter has not yet taken in.</summary>
    public async Task<IReadOnlySet<Guid>> PendingHandInsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var open = await workflows.ListInstancesAsync(
            new InstanceQuery(DefinitionKey: HandInProcess, Status: InstanceStatus.Running, StartedBy: caller.UserName), caller, ct);
        return open.Select(i => Guid.TryParse(i.Variables["deviceId"]?.GetValue<string>(), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();
    }

    private async Task<(Caller Caller, string EmployeeId)> OwnDeviceAsync(ClaimsPrincipal user, Guid deviceId, CancellationToken ct)
    {
        var caller = user.ToCaller();
        var person = await directory.FindPersonByUserNameAsync(caller.UserName, ct);
        var device = await directory.FindDeviceAsync(deviceId, ct);
        if (person is null || device is null || device.AssignedToEmployeeId != person.EmployeeId)
            throw new ForbiddenException("Du kan bara anmäla enheter som är registrerade på dig.");
        return (caller, person.EmployeeId);
    }
}
