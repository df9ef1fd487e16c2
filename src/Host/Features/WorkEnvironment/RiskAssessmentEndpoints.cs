using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

/// <summary>
/// Risk assessments before a change. Any signed-in user may call; the service decides per assessment (HR and safety
/// representatives: every unit; a manager: their units; others see nothing, and an id answers 404).
/// </summary>
internal static class RiskAssessmentEndpoints
{
    public static IEndpointRouteBuilder MapRiskAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/risk-assessments").WithTags("RiskAssessments").WithWorkEnvironmentProblems();
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{id:guid}", Update);
        group.MapPost("/{id:guid}/submit", Submit);
        group.MapPost("/{id:guid}/sign-off", SignOff);
        group.MapPost("/{id:guid}/revise", Revise);
        group.MapPost("/{id:guid}/status", ChangeStatus);
        group.MapGet("/coverage/{unitId}", Coverage);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RiskAssessmentView>>> List(ClaimsPrincipal user, [FromServices] IRiskAssessmentService assessments,
        CancellationToken ct, string? unitId = null) =>
        TypedResults.Ok(await assessments.ListAsync(user.ToRegisterUser(), unitId, ct));

    public static async Task<Ok<RiskAssessmentView>> Get(Guid id, ClaimsPrincipal user, [FromServices] IRiskAssessmentService assessments,
        CancellationToken ct) =>
        TypedResults.Ok(await assessments.GetAsync(id, user.ToRegisterUser(), ct));

    public static async Task<Created<RiskAssessmentView>> Create(RiskAssessmentDraft draft, ClaimsPrincipal user,
        [FromServices] IRiskAssessmentService assessments, CancellationToken ct)
    {
        var created = await assessments.CreateAsync(draft, user.ToRegisterUser(), ct: ct);
        return TypedResults.Created($"/api/risk-assessments/{created.Id}", created);
    }

    public static async Task<Ok<RiskAssessmentView>> Update(Guid id, RiskAssessmentDraft draft, ClaimsPrincipal user,
        [FromServices] IRiskAssessmentService assessments, CancellationToken ct) =>
        TypedResults.Ok(await assessments.UpdateAsync(id, draft, user.ToRegisterUser(), ct));

    public static async Task<Ok<RiskAssessmentView>> Submit(Guid id, ClaimsPrincipal user, [FromServices] IRiskAssessmentService assessments,
        CancellationToken ct) =>
        TypedResults.Ok(await assessments.SubmitAsync(id, user.ToRegisterUser(), ct: ct));

    public static async Task<Ok<RiskAssessmentView>> SignOff(Guid id, SignOffRequest request, ClaimsPrincipal user,
        [FromServices] IRiskAssessmentService assessments, CancellationToken ct) =>
        TypedResults.Ok(await assessments.SignOffAsync(id, request, user.ToRegisterUser(), ct: ct));

    /// <summary>Rejected (or a Submitted one withdrawn) back to Draft. The body is optional.</summary>
    public static async Task<Ok<RiskAssessmentView>> Revise(Guid id, ReviseRequest? request, ClaimsPrincipal user,
        [FromServices] IRiskAssessmentService assessments, CancellationToken ct) =>
        TypedResults.Ok(await assessments.ReviseAsync(id, user.ToRegisterUser(), request?.Reason, ct: ct));

    public static async Task<Ok<RiskAssessmentView>> ChangeStatus(Guid id, StatusChangeRequest request, ClaimsPrincipal user,
        [FromServices] IRiskAssessmentService assessments, CancellationToken ct) =>
        TypedResults.Ok(await assessments.ChangeStatusAsync(id, WorkEnvironmentHttp.ParseStatus<RiskAssessmentStatus>(request.Status),
            request.Reason, user.ToRegisterUser(), ct: ct));

    /// <summary>The facts the rollout gate reads: assessments of the unit and the levels above it. Statuses only, no content.</summary>
    public static async Task<Ok<IReadOnlyList<AssessmentCoverage>>> Coverage(string unitId, [FromServices] IRiskAssessmentService assessments,
        CancellationToken ct) =>
        TypedResults.Ok(await assessments.CoverageAsync(unitId, ct));
}

internal sealed record ReviseRequest(string? Reason);
