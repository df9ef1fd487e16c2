using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>The register's refusals as RFC 9457 problems; a forbidden transition lists the allowed statuses in <c>allowed</c>.</summary>
internal sealed class RegisterExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RegisterException refused) return false;
        var problem = refused switch
        {
            RegisterNotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", refused),
            RegisterForbiddenException => Problem(StatusCodes.Status403Forbidden, "Forbidden", refused),
            RegisterValidationException invalid => Invalid(invalid),
            RegisterTransitionException transition => Transition(transition),
            RegisterImportRemovesTooManyException tooMany => TooManyRemovals(tooMany),
            _ => Problem(StatusCodes.Status409Conflict, "Conflict", refused),
        };
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, Exception e) => new() { Status = status, Title = title, Detail = e.Message };

    private static ProblemDetails Invalid(RegisterValidationException e)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "Invalid request", e);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        return problem;
    }

    private static ProblemDetails TooManyRemovals(RegisterImportRemovesTooManyException e)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Import would offboard too many", e);
        problem.Extensions["wouldFlagForOffboarding"] = e.WouldFlag;
        problem.Extensions["people"] = e.People;
        return problem;
    }

    private static ProblemDetails Transition(RegisterTransitionException e)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Status change not allowed", e);
        problem.Extensions["allowed"] = e.Allowed;
        return problem;
    }
}
