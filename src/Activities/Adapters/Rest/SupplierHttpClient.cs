using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Activities.Adapters.Rest;

/// <summary>How a supplier API's typed HttpClient and its standard resilience pipeline are set up from <see cref="RestClientOptions"/>.</summary>
internal static class SupplierHttpClient
{
    public static void Configure<TOptions>(IServiceProvider services, HttpClient http) where TOptions : RestAdapterOptions
    {
        var rest = services.GetRequiredService<IOptions<TOptions>>().Value.Rest;
        // Relative paths of the yaml resolve below the base only when it ends in '/'.
        var root = rest.BaseAddress!.ToString();
        http.BaseAddress = new Uri(root.EndsWith('/') ? root : root + "/");
        http.DefaultRequestHeaders.Add(RestClientOptions.ApiKeyHeader, rest.ApiKey);
        // The resilience pipeline's total timeout governs; HttpClient's own is only a backstop above it.
        http.Timeout = rest.TotalTimeout + TimeSpan.FromSeconds(5);
    }

    public static void ConfigureResilience<TOptions>(HttpStandardResilienceOptions resilience, IServiceProvider services) where TOptions : RestAdapterOptions
    {
        var rest = services.GetRequiredService<IOptions<TOptions>>().Value.Rest;
        resilience.AttemptTimeout.Timeout = rest.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = rest.TotalTimeout;
        // POST and DELETE are retried too (the standard handler's default): each carries an Idempotency-Key, so the
        // supplier applies a change once however often it arrives.
        resilience.Retry.MaxRetryAttempts = rest.MaxRetries;
        resilience.Retry.Delay = rest.RetryBaseDelay;
        // The circuit breaker insists on sampling at least twice the attempt timeout.
        var sampling = rest.AttemptTimeout * 2;
        if (resilience.CircuitBreaker.SamplingDuration < sampling)
            resilience.CircuitBreaker.SamplingDuration = sampling;
    }
}
