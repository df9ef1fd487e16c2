using System.Net;
using System.Text.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

/// <summary>
/// Turns a supplier's error answer (RFC 9457 problem details with a machine <c>code</c>) into our exceptions.
/// Only the status, the code and Retry-After are taken into our messages: <c>title</c> and <c>detail</c> are the
/// supplier's prose and may name people or numbers, so they never reach exceptions, incidents or the journal. The
/// answer itself (its start) goes to the log, whose sinks mask personnummer and phone numbers, so a refusal can still
/// be diagnosed.
/// </summary>
internal static partial class SupplierProblem
{
    public const string RequestInProgress = "request_in_progress";

    /// <summary>How much of an error answer is read (and logged); a problem document is far smaller.</summary>
    private const int MaxAnswerBytes = 4096;

    public static async Task<AdapterException> ToExceptionAsync(string system, HttpResponseMessage response, TimeProvider time,
        ILogger logger, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var answer = await AnswerAsync(response, ct);
        logger.LogWarning("The {System} system answered {Status}: {Answer}", system, status, answer);
        if (IsTransient(response.StatusCode))
            return new AdapterUnavailableException(system, $"The {system} system is unavailable ({status}).",
                retryAfter: RetryAfter(response, time));
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new AdapterRejectedException(system, AdapterErrorCodes.Unauthorized,
                $"The {system} system refused our credentials ({status}); check the adapter's API key.");
        var code = Code(answer) ?? DefaultCode(response.StatusCode);
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

    private static async Task<string> AnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxAnswerBytes];
            var read = 0;
            for (int n; read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0;) read += n;
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static string? Code(string answer)
    {
        try
        {
            using var doc = JsonDocument.Parse(answer);
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
