using Microsoft.AspNetCore.Http.HttpResults;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

/// <summary>Problem results handlers return themselves (as opposed to errors thrown by the engine).</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
