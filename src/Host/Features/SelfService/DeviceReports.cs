using System.Security.Claims;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.SelfService;

/// <summary>What a person reports about their own device.</summary>
public enum DeviceProblem { Broken, Lost }

/// <summary>
/// A broken or lost device reported from Mina enheter starts the <c>swap</c> workflow (a loan device the same day,
/// then repair or replacement). Only a device assigned to the person can be reported here.
/// </summary>
public sealed class DeviceReports(IRegisterDirectory directory, IWorkflowEngine engine)
{
    public const string Process = "swap";

    /// <exception cref="ForbiddenException">The device is not the caller's.</exception>
    public async Task<InstanceView> ReportAsync(ClaimsPrincipal user, Guid deviceId, DeviceProblem problem, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var person = await directory.FindPersonByUserNameAsync(caller.UserName, ct);
        var device = await directory.FindDeviceAsync(deviceId, ct);
        if (person is null || device is null || device.AssignedToEmployeeId != person.EmployeeId)
            throw new ForbiddenException("Du kan bara anmäla enheter som är registrerade på dig.");
        return await engine.StartAsync(new StartInstance(Process, null, new JsonObject
        {
            ["employeeId"] = person.EmployeeId,
            ["deviceId"] = deviceId.ToString(),
            ["kind"] = problem.ToString(),
        }), caller, ct);
    }
}
