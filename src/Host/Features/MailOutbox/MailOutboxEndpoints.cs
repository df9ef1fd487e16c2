using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.MailOutbox;

/// <summary>
/// The mail outbox for admins: what waits, what was sent and what failed after its last retry, and retrying a
/// failed mail. Admins only: the list names instances and employees of every process (never addresses or texts).
/// </summary>
internal static class MailOutboxEndpoints
{
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapMailOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mail-outbox").WithTags("Mail outbox").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("Mails in the outbox, newest due first; status=pending|sent|failed");
        group.MapPost("/{id:guid}/retry", Retry).WithSummary("Sends a failed mail again, with fresh attempts");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<OutboxMailView>>, ValidationProblem>> List(string? status, int? limit,
        [FromServices] IMailOutbox outbox, CancellationToken ct)
    {
        OutboxMailStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OutboxMailStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
                || int.TryParse(status, out _))
                return Problems.Invalid("status", "Give pending, sent or failed.");
            wanted = parsed;
        }
        if (limit is < 1 or > MaxLimit) return Problems.Invalid("limit", $"Give 1–{MaxLimit}.");
        return TypedResults.Ok(await outbox.ListAsync(wanted, limit ?? 100, ct));
    }

    public static async Task<Results<Ok<OutboxMailView>, ProblemHttpResult>> Retry(Guid id, [FromServices] IMailOutbox outbox,
        CancellationToken ct)
    {
        try
        {
            return await outbox.RetryAsync(id, ct) is { } mail
                ? TypedResults.Ok(mail)
                : Problems.NotFound($"There is no mail {id} in the outbox.");
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }
    }
}
