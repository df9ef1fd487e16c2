using System.Text.Json.Serialization;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Infrastructure.Http;

namespace RJH.DeviceWorkflows.Host.Features.Admin;

/// <summary>Administration. The clock exists only with Engine:ControllableClock=true (tests and demos).</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/clock", GetClock);
        group.MapPost("/clock", AdvanceClock);
        return app;
    }

    public static Results<Ok<ClockView>, ProblemHttpResult> GetClock([FromServices] TimeProvider clock) =>
        clock is ControllableTimeProvider
            ? TypedResults.Ok(new ClockView(clock.GetUtcNow(), null))
            : NoControllableClock();

    public static async Task<Results<Ok<ClockView>, ValidationProblem, ProblemHttpResult>> AdvanceClock(
        AdvanceClockRequest request, [FromServices] TimeProvider clock, [FromServices] IWorkflowEngine engine,
        CancellationToken ct)
    {
        if (clock is not ControllableTimeProvider controllable) return NoControllableClock();
        if (!TryParseDuration(request.Advance, out var by) || by > ControllableTimeProvider.MaxAdvance)
            return Problems.Invalid("advance",
                $"Give a non-negative ISO-8601 duration of at most {ControllableTimeProvider.MaxAdvance.TotalDays:0} days, such as PT1H or P1D.");

        DateTimeOffset now;
        try
        {
            now = controllable.Advance(by);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Problems.Invalid("advance", "That step would move the clock past the end of the calendar.");
        }
        var fired = await engine.FireDueTimersAsync(ct);
        return TypedResults.Ok(new ClockView(now, fired));
    }

    private static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return duration >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static ProblemHttpResult NoControllableClock() =>
        Problems.NotFound("The clock is not controllable here (setting Engine:ControllableClock is off).");
}

internal sealed record AdvanceClockRequest(string? Advance);

/// <summary>The engine's current time; <c>firedTimers</c> only after advancing.</summary>
internal sealed record ClockView(
    DateTimeOffset Now,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FiredTimers);
