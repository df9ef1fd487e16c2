using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Rules;
using AuthPolicies = RJH.DeviceWorkflows.Host.Infrastructure.Auth.Policies;

namespace RJH.DeviceWorkflows.Host.Features.PolicyRules;

/// <summary>
/// Policy rule sets (RulesEngine workflow JSON, versioned). Reading and evaluating is open to every signed-in
/// user (the simulator uses it; rules hold no personal data); saving drafts and publishing is for process
/// owners and admins, like BPMN definitions. Errors are thrown by <see cref="IPolicyService"/> and worded
/// by WorkflowExceptionHandler.
/// </summary>
internal static class PolicyEndpoints
{
    /// <summary>A rule set is a few KB; this bounds what the validator compiles.</summary>
    public const int MaxWorkflowBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapGet("/", List);
        group.MapGet("/{set}", Get);
        group.MapPut("/{set}", SaveDraft).RequireAuthorization(AuthPolicies.DefinitionAuthor);
        group.MapPost("/{set}/versions/{version:int}/publish", Publish).RequireAuthorization(AuthPolicies.DefinitionAuthor);
        group.MapPost("/{set}/evaluate", Evaluate);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PolicySetSummary>>> List([FromServices] IPolicyService policies,
        CancellationToken ct) =>
        TypedResults.Ok(await policies.ListAsync(ct));

    public static async Task<Ok<PolicySetDetails>> Get(string set, [FromServices] IPolicyService policies,
        CancellationToken ct) =>
        TypedResults.Ok(await policies.GetAsync(set, ct));

    public static async Task<Results<Created<PolicyDraftView>, ProblemHttpResult>> SaveDraft(string set, HttpRequest request,
        ClaimsPrincipal user, [FromServices] IPolicyService policies, CancellationToken ct)
    {
        if (request.ContentLength > MaxWorkflowBytes)
            return TooLarge();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxWorkflowBytes + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (length > MaxWorkflowBytes)
            return TooLarge();

        var result = await policies.SaveDraftAsync(set, new string(buffer, 0, length), user.ToCaller().UserName, ct);
        if (result.Version is not { } version)
            throw new PolicyRulesException(result.Errors);
        return TypedResults.Created($"/api/policies/{Uri.EscapeDataString(set)}", new PolicyDraftView(set, version, Published: false));
    }

    public static async Task<Ok<PolicyVersionInfo>> Publish(string set, int version, ClaimsPrincipal user,
        [FromServices] IPolicyService policies, CancellationToken ct) =>
        TypedResults.Ok(await policies.PublishAsync(set, version, user.ToCaller().UserName, ct));

    public static async Task<Ok<PolicyDecision>> Evaluate(string set, [FromBody] JsonElement facts,
        [FromServices] IPolicyService policies, CancellationToken ct, int? version = null) =>
        TypedResults.Ok(await policies.EvaluateAsync(set, facts, version, ct));

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"A rule set may be at most {MaxWorkflowBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too large");
}

/// <summary>A stored draft: <c>{"set","version","published":false}</c>.</summary>
internal sealed record PolicyDraftView(string Set, int Version, bool Published);
