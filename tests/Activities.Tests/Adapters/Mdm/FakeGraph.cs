using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Mdm;

/// <summary>
/// Microsoft Graph on loopback, for <see cref="GraphMdmClient"/> built on a real GraphServiceClient whose base URL
/// points here. Every request must carry the bearer token; every POST an Idempotency-Key, and a body only as JSON.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string Token = "fake-token";

    private readonly LoopbackServer _server;
    private readonly List<string> _violations = [];

    public FakeGraph(Func<RecordedRequest, FakeResponse> route)
    {
        _server = LoopbackServer.Start(r => Check(r) ?? route(r));
        var graph = new GraphServiceClient(new HttpClient(), new BaseBearerTokenAuthenticationProvider(new FakeTokens()), $"{_server.Root}v1.0");
        var options = new MdmOptions { Mode = MdmMode.Intune, Intune = { BaseAddress = new($"{_server.Root}v1.0"), BetaBaseAddress = new($"{_server.Root}beta") } };
        Client = new GraphMdmClient(graph, Options.Create(options), TimeProvider.System, new LoggerFactory([Log]).CreateLogger<GraphMdmClient>());
    }

    internal GraphMdmClient Client { get; }

    /// <summary>What the client logged.</summary>
    public CapturedLog Log { get; } = new();

    public Uri Root => _server.Root;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyList<string> Violations { get { lock (_violations) return [.. _violations]; } }

    private FakeResponse? Check(RecordedRequest r)
    {
        string? why = null;
        if (r.Header("Authorization") != $"Bearer {Token}") why = "no bearer token";
        else if (r.Method == "POST" && string.IsNullOrWhiteSpace(r.Header("Idempotency-Key"))) why = "a POST without Idempotency-Key";
        else if (r.Body.Length > 0 && r.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true) why = "a body that is not JSON";
        if (why is null) return null;
        lock (_violations) _violations.Add($"{r.Method} {r.Path}: {why}");
        return new FakeResponse(400, """{"error":{"code":"BadRequest","message":"checked by the fake"}}""");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed class FakeTokens : IAccessTokenProvider
    {
        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Token);

        public AllowedHostsValidator AllowedHostsValidator { get; } = new();
    }
}
