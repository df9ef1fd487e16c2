using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Telemetry;

/// <summary>Settings of section "Telemetry".</summary>
internal sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector, e.g. http://otel-collector:4317. Unset (and no OTEL_EXPORTER_OTLP_ENDPOINT): nothing is exported.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The service.name of every span and metric.</summary>
    public string ServiceName { get; set; } = "rjh-device-workflows";

    /// <summary>How old the counts behind the gauges (instances, open incidents, due timers) may get.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class TelemetrySetup
{
    /// <summary>
    /// Traces and metrics of ASP.NET Core, HttpClient (the outside systems), EF Core and the engine, exported by OTLP.
    /// The engine's instruments are always there (a local dotnet-counters can read them); the exporter only when configured.
    /// Call after AddWorkflowEngine: it wraps the engine and the job runner.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TelemetrySettings.Section).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (settings.SnapshotInterval <= TimeSpan.Zero)
            throw new InvalidOperationException("Telemetry:SnapshotInterval must be positive, e.g. 00:01:00.");
        services.AddSingleton(settings);
        services.AddSingleton<EngineSnapshot>();
        services.AddSingleton<EngineMetrics>();
        Decorate<IWorkflowEngine>(services, (sp, inner) => new MeteredWorkflowEngine(inner, sp.GetRequiredService<EngineMetrics>()));
        Decorate<IJobRunner>(services, (sp, inner) => new MeteredJobRunner(inner, sp.GetRequiredService<EngineMetrics>()));

        var endpoint = settings.OtlpEndpoint ?? AsUri(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (endpoint is null) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(EngineMetrics.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddMeter(EngineMetrics.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("System.Runtime")
                .AddOtlpExporter(o => o.Endpoint = endpoint));
        return services;
    }

    private static Uri? AsUri(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;

    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered; call AddTelemetry after AddWorkflowEngine.");
        services.Replace(ServiceDescriptor.Describe(typeof(TService),
            sp => wrap(sp, (TService)Resolve(sp, original)), original.Lifetime));
    }

    private static object Resolve(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
