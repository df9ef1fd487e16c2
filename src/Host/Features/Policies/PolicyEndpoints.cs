using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;
using RJH.DeviceWorkflows.Rules;
using RJH.DeviceWorkflows.Rules.Decisions;
using AuthPolicies = RJH.DeviceWorkflows.Host.Infrastructure.Auth.Policies;

namespace RJH.DeviceWorkflows.Host.Features.PolicyRules;

/// <summary>
/// Policy rule sets (decision tables, versioned), their test cases, impact preview and decision log. Reading,
/// evaluating and reading test cases is open to every signed-in user (the simulator uses it; tables hold no personal
/// data); saving drafts and test cases, publishing, the impact preview and a version's logged decisions (facts of real
/// cases) are for process owners and admins, like BPMN definitions. Errors are thrown by <see cref="IPolicyService"/>
/// and worded by WorkflowExceptionHandler.
/// </summary>
internal static class PolicyEndpoints
{
    /// <summary>A rule set is a few KB; this bounds what the validator compiles.</summary>
    public const int MaxTableBytes = 512 * 1024;

    private const int DefaultImpactCount = 1000;

    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapGet("/", List).WithSummary("The rule sets with their latest and published versions");
        group.MapGet("/{set}", Get).WithSummary("A rule set: its versions and the decision table of the latest");
        group.MapPut("/{set}", SaveDraft).RequireAuthorization(AuthPolicies.DefinitionAuthor)
            .WithSummary("Saves a decision table as the set's next draft and runs its test cases");
        group.MapPost("/{set}/versions/{version:int}/publish", Publish).RequireAuthorization(AuthPolicies.DefinitionAuthor)
            .WithSummary("Publishes a version once every test case passes on it");
        group.MapPost("/{set}/evaluate", Evaluate).WithSummary("Decides on facts, with an explanation");
        group.MapGet("/{set}/tests", GetTests).WithSummary("The set's test cases and their results on the latest version");
        group.MapPut("/{set}/tests", SaveTests).RequireAuthorization(AuthPolicies.DefinitionAuthor)
            .WithSummary("Replaces the set's test cases and runs them");
        group.MapPost("/{set}/impact", Impact).RequireAuthorization(AuthPolicies.DefinitionAuthor)
            .WithSummary("Replays the last logged decisions on a draft and lists those whose outcome would change");
        group.MapGet("/{set}/versions/{version:int}/decisions", VersionDecisions).RequireAuthorization(AuthPolicies.DefinitionAuthor)
            .WithSummary("The latest decisions a version made for workflows");
        app.MapInstanceDecisionEndpoints();
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
        if (await ReadBodyAsync(request, ct) is not { } body) return TooLarge();
        var result = await policies.SaveDraftAsync(set, body, user.ToCaller().UserName, ct);
        if (result.Version is not { } version)
            throw new PolicyRulesException(result.Errors);
        return TypedResults.Created($"/api/policies/{Uri.EscapeDataString(set)}", new PolicyDraftView(set, version, Published: false, result.Tests));
    }

    public static async Task<Results<Ok<PolicyVersionInfo>, ProblemHttpResult, ValidationProblem>> Publish(string set, int version,
        [FromBody] PublishRequest? request, ClaimsPrincipal user, [FromServices] IPolicyService policies, CancellationToken ct)
    {
        if (request?.Note?.Trim().Length > PolicyNote.MaxLength)
            return Problems.Invalid("note", $"The note can be at most {PolicyNote.MaxLength} characters.");
        try
        {
            return TypedResults.Ok(await policies.PublishAsync(set, version, user.ToCaller().UserName, request?.Note, ct));
        }
        catch (PolicyTestsFailedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Test cases fail",
                extensions: new Dictionary<string, object?> { ["failed"] = e.Failed });
        }
    }

    public static async Task<Ok<PolicyDecision>> Evaluate(string set, [FromBody] JsonElement facts,
        [FromServices] IPolicyService policies, CancellationToken ct, int? version = null) =>
        TypedResults.Ok(await policies.EvaluateAsync(set, facts, version, ct));

    public static async Task<Ok<PolicyTestSuite>> GetTests(string set, [FromServices] IPolicyService policies, CancellationToken ct) =>
        TypedResults.Ok(await policies.GetTestsAsync(set, ct));

    public static async Task<Results<Ok<PolicyTestSuite>, ProblemHttpResult>> SaveTests(string set, HttpRequest request,
        ClaimsPrincipal user, [FromServices] IPolicyService policies, CancellationToken ct)
    {
        if (await ReadBodyAsync(request, ct) is not { } body) return TooLarge();
        var result = await policies.SaveTestsAsync(set, body, user.ToCaller().UserName, ct);
        return result.Suite is { } suite ? TypedResults.Ok(suite) : throw new PolicyRulesException(result.Errors);
    }

    public static async Task<Results<Ok<PolicyImpact>, ProblemHttpResult>> Impact(string set, [FromServices] IPolicyService policies,
        CancellationToken ct, int? version = null, int? count = null)
    {
        if (count is < 1 or > 10_000)
            return TypedResults.Problem("count is 1 to 10000 (default 1000).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        return TypedResults.Ok(await policies.ImpactAsync(set, version, count ?? DefaultImpactCount, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<LoggedDecision>>, ProblemHttpResult>> VersionDecisions(string set, int version,
        [FromServices] IPolicyService policies, CancellationToken ct, int? limit = null)
    {
        if (limit is < 1 or > 10_000)
            return TypedResults.Problem("limit is 1 to 10000 (default 100).", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        return TypedResults.Ok(await policies.DecisionsOfVersionAsync(set, version, limit ?? 100, ct));
    }

    /// <returns>The body, or null when it is larger than <see cref="MaxTableBytes"/>.</returns>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxTableBytes) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxTableBytes + 1];
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return length > MaxTableBytes ? null : new string(buffer, 0, length);
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"A rule set or its test cases may be at most {MaxTableBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too large");
}

/// <summary>A stored draft: <c>{"set","version","published":false,"tests":[…]}</c> with the test cases run on it.</summary>
internal sealed record PolicyDraftView(string Set, int Version, bool Published, IReadOnlyList<PolicyTestResult> Tests);

/// <param name="Note">Why the version is published; kept with the version and in the audit.</param>
internal sealed record PublishRequest(string? Note);
