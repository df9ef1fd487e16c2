using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

public enum RestAdapterMode { Simulator, Rest }

/// <summary>Settings of an outside system the region reaches through a supplier's REST API (<c>Adapters:Operator</c>, <c>Adapters:Telephony</c>).</summary>
public abstract class RestAdapterOptions
{
    public RestAdapterMode Mode { get; set; } = RestAdapterMode.Simulator;

    public SimulatorOptions Simulator { get; set; } = new();

    public RestClientOptions Rest { get; set; } = new();
}

/// <summary><c>Adapters:&lt;System&gt;:Rest</c>: where the supplier's API is and how we prove who we are.</summary>
public sealed class RestClientOptions
{
    /// <summary>Name of the header that carries <see cref="ApiKey"/> (docs/*-api.yaml, security scheme apiKey).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The API's root, e.g. https://api.operator.example/rjh/v1/ (paths of the yaml are relative to it).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A secret issued by the supplier: keep it out of appsettings.json (environment variable or a key vault).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for a call, all retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt (timeouts, 408, 429, 5xx); safe because every change carries an Idempotency-Key.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; later ones back off exponentially with jitter. A Retry-After answer wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsComplete => BaseAddress is { IsAbsoluteUri: true } && !string.IsNullOrWhiteSpace(ApiKey);
}
