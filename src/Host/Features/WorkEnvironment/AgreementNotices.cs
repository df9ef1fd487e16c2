using System.Security.Claims;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

/// <summary>
/// Notice on a remote-work agreement at any time, not only at the yearly follow-up: the register terminates it as the
/// person (its rules decide who may and when it can end), then the agreement's process hears of it and waits for the
/// notice period to run out instead of the next follow-up.
/// </summary>
public sealed class AgreementNotices(IRemoteWorkAgreementService agreements, IWorkflowEngine engine, ILogger<AgreementNotices> log)
{
    public const string Message = "agreement-notice";

    public async Task<RemoteWorkAgreementView> GiveNoticeAsync(Guid id, TerminationRequest request, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        var view = await agreements.TerminateAsync(id, request, user.ToRegisterUser(), ct: ct);
        if (view.EndDate is { } end)
        {
            // The process may be elsewhere (drafting again, at a follow-up) or absent (an agreement made through the
            // API alone): then nothing waits for the message, and the register's state is what counts.
            var heard = await engine.CorrelateMessageAsync(Message, id.ToString(),
                new JsonObject { ["agreementEndsAt"] = SwedishCalendar.StartOf(end).ToString("O") }, Caller.System, ct);
            if (heard == 0) log.LogInformation("Notice on agreement {AgreementId}: no process waited for it", id);
        }
        return view;
    }
}
