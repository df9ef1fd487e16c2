using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

/// <summary>
/// Turns a supplier's error answer (RFC 9457 problem details with a machine <c>code</c>) into our exceptions.
/// Only the status, the code and Retry-After are taken: <c>title</c> and <c>detail</c> are the supplier's prose and
/// may name people or numbers, so they never reach our messages or logs.
/// </summary>
internal static partial class SupplierProblem
{
    public const string RequestInProgress = "request_in_progress";

    public static async Task<AdapterException> ToExceptionAsync(string system, HttpResponseMessage response, TimeProvider time, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (IsTransient(response.StatusCode))
            return new AdapterUnavailableException(system, $"The {system} system is unavailable ({status}).",
                retryAfter: RetryAfter(response, time));
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new AdapterRejectedException(system, AdapterErrorCodes.Unauthorized,
                $"The {system} system refused our credentials ({status}); check the adapter's API key.");
        var code = await CodeAsync(response, ct) ?? DefaultCode(response.StatusCode);
        // The contract's answer while an earlier request with the same key is still running: try again later.
        if (code == RequestInProgress)
            return new AdapterUnavailableException(system, $"The {system} system is still working on this request ({status}).",
                retryAfter: RetryAfter(response, time));
        return new AdapterRejectedException(system, code, $"The {system} system refused the request: {code} ({status}).");
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string DefaultCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => AdapterErrorCodes.NotFound,
        HttpStatusCode.Conflict => AdapterErrorCodes.Conflict,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => AdapterErrorCodes.InvalidRequest,
        _ => $"http_{(int)status}",
    };

    private static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("code", out var code)
                   && code.ValueKind == JsonValueKind.String
                   && SafeCode().IsMatch(code.GetString()!)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > time.GetUtcNow() ? date - time.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    // A code is a machine token; anything else (free text that could hold personal data) is dropped.
    [GeneratedRegex("^[a-z0-9_.-]{1,64}$")]
    private static partial Regex SafeCode();
}
