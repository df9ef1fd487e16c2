using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

/// <summary>
/// Remote-work agreements. Any signed-in user may call; the service decides per agreement (the employee, their manager,
/// HR; others get 404). The personnummer is in full only in a single agreement read by the employee, their manager or HR.
/// </summary>
internal static class RemoteWorkAgreementEndpoints
{
    public static IEndpointRouteBuilder MapRemoteWorkAgreementEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/remote-work-agreements").WithTags("RemoteWorkAgreements").WithWorkEnvironmentProblems();
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update);
        group.MapPost("/{id:guid}/approve", Approve);
        group.MapPost("/{id:guid}/sign", Sign);
        group.MapPost("/{id:guid}/activate", Activate);
        group.MapPost("/{id:guid}/terminate", Terminate);
        group.MapPost("/{id:guid}/follow-ups", FollowUp);
        group.MapPost("/{id:guid}/status", ChangeStatus);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RemoteWorkAgreementView>>> List(ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.ListAsync(user.ToRegisterUser(), ct));

    public static async Task<Ok<RemoteWorkAgreementView>> Get(Guid id, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.GetAsync(id, user.ToRegisterUser(), ct));

    public static async Task<Created<RemoteWorkAgreementView>> Create(RemoteWorkAgreementDraft draft, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct)
    {
        var created = await agreements.CreateAsync(draft, user.ToRegisterUser(), ct: ct);
        return TypedResults.Created($"/api/remote-work-agreements/{created.Id}", created);
    }

    public static async Task<Ok<RemoteWorkAgreementView>> Update(Guid id, RemoteWorkAgreementDraft draft, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.UpdateAsync(id, draft, user.ToRegisterUser(), ct));

    public static async Task<Ok<RemoteWorkAgreementView>> Approve(Guid id, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.ApproveAsync(id, user.ToRegisterUser(), ct: ct));

    /// <summary>The caller signs as the party they are; the body (<c>{"party"}</c>) is optional.</summary>
    public static async Task<Ok<RemoteWorkAgreementView>> Sign(Guid id, SignRequest? request, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.SignAsync(id, request?.Party, user.ToRegisterUser(), ct: ct));

    public static async Task<Ok<RemoteWorkAgreementView>> Activate(Guid id, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.ActivateAsync(id, user.ToRegisterUser(), ct: ct));

    public static async Task<Ok<RemoteWorkAgreementView>> Terminate(Guid id, TerminationRequest? request, ClaimsPrincipal user,
        [FromServices] AgreementNotices notices, CancellationToken ct) =>
        TypedResults.Ok(await notices.GiveNoticeAsync(id, request ?? new TerminationRequest(null), user, ct));

    public static async Task<Ok<RemoteWorkAgreementView>> FollowUp(Guid id, FollowUpRequest request, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.RecordFollowUpAsync(id, request, user.ToRegisterUser(), ct: ct));

    public static async Task<Ok<RemoteWorkAgreementView>> ChangeStatus(Guid id, StatusChangeRequest request, ClaimsPrincipal user,
        [FromServices] IRemoteWorkAgreementService agreements, [FromServices] AgreementNotices notices, CancellationToken ct)
    {
        var status = WorkEnvironmentHttp.ParseStatus<RemoteWorkStatus>(request.Status);
        return TypedResults.Ok(status == RemoteWorkStatus.Terminated
            ? await notices.GiveNoticeAsync(id, new TerminationRequest(request.Reason), user, ct)
            : await agreements.ChangeStatusAsync(id, status, request.Reason, user.ToRegisterUser(), ct: ct));
    }
}

internal sealed record SignRequest(AgreementParty? Party);
