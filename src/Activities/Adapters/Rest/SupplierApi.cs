using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

/// <summary>
/// Calls a supplier API of the region's contract (docs/*-api.yaml) through a typed HttpClient whose handler
/// adds the API key and the standard resilience pipeline. Sends <c>Idempotency-Key</c> on every change and turns
/// each failure into <see cref="AdapterRejectedException"/> or <see cref="AdapterUnavailableException"/>.
/// </summary>
internal sealed class SupplierApi(HttpClient http, string system, TimeProvider time, ILogger logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public Task<T> PostAsync<T>(string path, object? body, string idempotencyKey, CancellationToken ct) =>
        ChangeAsync<T>(HttpMethod.Post, path, body, idempotencyKey, ct);

    public Task<T> DeleteAsync<T>(string path, string idempotencyKey, CancellationToken ct) =>
        ChangeAsync<T>(HttpMethod.Delete, path, null, idempotencyKey, ct);

    /// <summary>The resource, or null on 404.</summary>
    public async Task<T?> GetAsync<T>(string path, CancellationToken ct) where T : class
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<T>(response, ct);
    }

    /// <summary>A path segment from an id: escaped, so an id can never reach another resource.</summary>
    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Uri.EscapeDataString(id);
    }

    private async Task<T> ChangeAsync<T>(HttpMethod method, string path, object? body, string idempotencyKey, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: AdapterJson.Options);
        using var response = await SendAsync(request, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("application/problem+json");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (IsTransient(e, ct))
            {
                logger.LogWarning("The {System} system did not answer: {Answer}", system, e.Message);
                throw new AdapterUnavailableException(system, $"The {system} system did not answer ({e.GetType().Name}).", e);
            }
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound && request.Method == HttpMethod.Get)
                return response;
            using (response)
                throw await SupplierProblem.ToExceptionAsync(system, response, time, logger, ct);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(AdapterJson.Options, ct)
                   ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            logger.LogWarning("The {System} system answered {Status} with a body that does not follow the contract: {Answer}",
                system, (int)response.StatusCode, e.Message);
            // The change may have happened; a retry with the same idempotency key is safe and fetches the answer again.
            throw new AdapterUnavailableException(system, $"The {system} system answered {(int)response.StatusCode} with a body that does not follow the contract.", e);
        }
    }

    private static bool IsTransient(Exception e, CancellationToken ct) => e switch
    {
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException => true,
        OperationCanceledException => !ct.IsCancellationRequested, // HttpClient's own timeout, not the caller's cancellation
        _ => false,
    };
}
