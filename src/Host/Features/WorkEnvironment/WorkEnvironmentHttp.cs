using System.Security.Claims;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.WorkEnvironment;

namespace RJH.DeviceWorkflows.Host.Features.WorkEnvironment;

/// <summary>What the two work-environment endpoint groups share: their errors as problems.</summary>
internal static class WorkEnvironmentHttp
{
    /// <summary>
    /// Turns the services' refusals into RFC 9457 problems: 404, 403, 400 with <c>errors</c> by field, 409 with
    /// <c>allowed</c> for a forbidden status change. The messages are Swedish and hold no personal data.
    /// </summary>
    public static RouteGroupBuilder WithWorkEnvironmentProblems(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (WorkEnvironmentException refused)
            {
                return ToProblem(refused);
            }
        });

    private static IResult ToProblem(WorkEnvironmentException refused) => refused switch
    {
        WorkEnvironmentNotFoundException => TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        WorkEnvironmentForbiddenException => TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        WorkEnvironmentValidationException invalid => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }, detail: invalid.Message),
        WorkEnvironmentConflictException conflict => TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict,
            title: "Conflict", extensions: conflict.Allowed is { } allowed ? new Dictionary<string, object?> { ["allowed"] = allowed } : null),
        _ => TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest),
    };

    /// <summary>Reads a status name from a request (any case); an unknown one is a 400 naming the known ones.</summary>
    public static TStatus ParseStatus<TStatus>(string? status) where TStatus : struct, Enum
    {
        // By name only: Enum.TryParse would also accept "1".
        foreach (var known in Enum.GetValues<TStatus>())
            if (string.Equals(known.ToString(), status, StringComparison.OrdinalIgnoreCase)) return known;
        throw new WorkEnvironmentValidationException("status", $"Okänd status; ange en av {string.Join(", ", Enum.GetNames<TStatus>())}.");
    }
}

/// <summary><c>{"status","reason"}</c> for the generic status endpoints.</summary>
internal sealed record StatusChangeRequest(string? Status, string? Reason);
