using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Rules;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

/// <summary>
/// The one place where errors become RFC 9457 problem details: the engine's <see cref="WorkflowException"/>s,
/// the policy rules' <see cref="PolicyException"/>s, a lost concurrency race, and requests the framework could not bind (bad JSON, bad query values).
/// Anything else stays a 500 without internals.
/// </summary>
internal sealed class WorkflowExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            InvalidDefinitionException invalid => InvalidDefinition(invalid),
            Features.Forms.FormValidationException form => InvalidForm(form),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
            InvalidRequestException e => Problem(StatusCodes.Status400BadRequest, "Invalid request", e.Message),
            TooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", e.Message),
            PolicyRulesException rules => InvalidRules(rules),
            PolicySetNotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            PolicyVersionNotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            PolicyFactsException e => Problem(StatusCodes.Status400BadRequest, "Invalid facts", e.Message),
            PolicyNoMatchException e => Problem(StatusCodes.Status422UnprocessableEntity, "No rule matched", e.Message),
            ConcurrencyConflictException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "Another request changed the same process instance at the same time. Reload and try again."),
            // The JSON reader's message says which field and why; it quotes no more than a short part of the input.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } e =>
                Problem(e.StatusCode, null, $"{e.Message} {json.Message}"),
            BadHttpRequestException e => Problem(e.StatusCode, null, e.Message),
            _ => null,
        };
        if (problem is null) return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Problem(int status, string? title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails InvalidDefinition(InvalidDefinitionException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "Invalid BPMN definition",
            "The BPMN file cannot be deployed; nothing was stored. See errors.");
        // Diagnostic serialises as {"elementId","line","message"}: the contract of this response.
        problem.Extensions["errors"] = exception.Diagnostics;
        return problem;
    }

    /// <summary>As ASP.NET Core's validation problems: <c>errors: {"field.path": ["message"]}</c>.</summary>
    private static ProblemDetails InvalidForm(Features.Forms.FormValidationException exception) =>
        new HttpValidationProblemDetails(exception.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid form values",
            Detail = "The task was not completed; nothing changed. See errors.",
        };

    private static ProblemDetails InvalidRules(PolicyRulesException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "Invalid policy rules",
            "The rule set cannot be saved; nothing was stored. See errors.");
        // {"rule","cell","message"}: rule is the row (or "(table)"), cell its column, "condition", "outcome"… or null.
        problem.Extensions["errors"] = exception.Errors.Select(e => new { rule = e.Rule, cell = e.Cell, message = e.Message }).ToList();
        return problem;
    }
}
