using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

/// <summary>One request as the fake server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public sealed record FakeResponse(int Status, string? Body = null, string ContentType = "application/json", string? RetryAfter = null)
{
    public static FakeResponse NoContent() => new(204);

    /// <summary>An RFC 9457 problem whose prose holds personal data, which must never reach our messages.</summary>
    public static FakeResponse Problem(int status, string code, string? retryAfter = null) => new(status,
        JsonSerializer.Serialize(new { type = $"https://errors.example/{code}", title = "Refused", status, detail = PersonalDetail, code }),
        "application/problem+json", retryAfter);

    public const string PersonalDetail = "Anna Andersson 19800101-1234 +46701740605";
}

/// <summary>
/// An HTTP server on 127.0.0.1 for testing real clients: records every request and answers with the handler.
/// HttpListener needs a fixed port, so a free one is found first and taken again if someone got it between.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<RecordedRequest, FakeResponse> _handler;
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri root, Func<RecordedRequest, FakeResponse> handler)
    {
        _listener = listener;
        _handler = handler;
        Root = root;
        _loop = Task.Run(ServeAsync);
    }

    public Uri Root { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static LoopbackServer Start(Func<RecordedRequest, FakeResponse> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var root = new Uri($"http://127.0.0.1:{FreePort()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(root.ToString());
            try
            {
                listener.Start();
                return new LoopbackServer(listener, root, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
            Uri.UnescapeDataString(context.Request.Url.Query), headers, await reader.ReadToEndAsync());
        lock (_requests) _requests.Add(request);

        var response = _handler(request);
        context.Response.StatusCode = response.Status;
        if (response.RetryAfter is not null) context.Response.Headers["Retry-After"] = response.RetryAfter;
        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
        }
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
