using System.Text.Json;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

/// <summary>
/// A supplier API as docs/operator-api.yaml and docs/telephony-api.yaml describe it: every request is checked
/// against the contract's common rules (API key, Accept, Idempotency-Key on changes, JSON bodies) before the test's
/// route answers; a breach is answered as the supplier would and recorded in <see cref="Violations"/>.
/// </summary>
public sealed class FakeSupplier : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";
    public const string BasePath = "/rjh/v1/";

    private readonly LoopbackServer _server;
    private readonly List<string> _violations = [];

    public FakeSupplier(Func<RecordedRequest, FakeResponse> route) => _server = LoopbackServer.Start(r => Check(r) ?? route(r));

    /// <summary>The API's root as it would be configured (<c>Rest:BaseAddress</c>); no trailing slash, on purpose.</summary>
    public Uri BaseAddress => new(_server.Root, BasePath.TrimEnd('/'));

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyList<string> Violations { get { lock (_violations) return [.. _violations]; } }

    public static FakeResponse Json(int status, object body) => new(status, JsonSerializer.Serialize(body, AdapterJson.Options));

    private FakeResponse? Check(RecordedRequest r)
    {
        if (r.Header(RestClientOptions.ApiKeyHeader) != ApiKey)
            return Refuse(r, "no or wrong API key", FakeResponse.Problem(401, "unauthorized"));
        if (r.Header("Accept") is not { } accept || !accept.Contains("application/json", StringComparison.Ordinal))
            return Refuse(r, "does not accept application/json", FakeResponse.Problem(406, "not_acceptable"));
        if (!r.Path.StartsWith(BasePath, StringComparison.Ordinal))
            return Refuse(r, "outside the API's base path", FakeResponse.Problem(404, "not_found"));
        if (r.Method is "POST" or "DELETE" && string.IsNullOrWhiteSpace(r.Header("Idempotency-Key")))
            return Refuse(r, "a change without Idempotency-Key", FakeResponse.Problem(400, "idempotency_key_missing"));
        if (r.Body.Length > 0 && r.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
            return Refuse(r, "a body that is not application/json", FakeResponse.Problem(415, "unsupported_media_type"));
        if (r.Body.Length > 0 && !IsJson(r.Body))
            return Refuse(r, "a body that is not JSON", FakeResponse.Problem(400, "invalid_request"));
        return null;
    }

    private FakeResponse Refuse(RecordedRequest r, string why, FakeResponse answer)
    {
        lock (_violations) _violations.Add($"{r.Method} {r.Path}: {why}");
        return answer;
    }

    private static bool IsJson(string body)
    {
        try { JsonDocument.Parse(body).Dispose(); return true; }
        catch (JsonException) { return false; }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
