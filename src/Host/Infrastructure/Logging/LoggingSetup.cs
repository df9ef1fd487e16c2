using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Logging;

/// <summary>Settings of section "Logs". Levels stay where ASP.NET Core keeps them: "Logging:LogLevel".</summary>
internal sealed class LogSettings
{
    public const string Section = "Logs";

    /// <summary>"Json" (one compact JSON object per line, for a log collector) or "Text". Unset: Json in Production, Text elsewhere.</summary>
    public string? Format { get; set; }

    /// <summary>Also write JSON lines to this file (rolled daily, 14 kept); relative to the working directory.</summary>
    public string? File { get; set; }
}

/// <summary>
/// Serilog behind ILogger: structured events, JSON in Production, personal data masked in every event before any
/// sink (console, file, or an <see cref="ILogEventSink"/> registered in the container) sees it.
/// </summary>
internal static class LoggingSetup
{
    public static IServiceCollection AddStructuredLogging(this IServiceCollection services)
    {
        // Read from the built container, so a test host's late settings apply too.
        services.AddSerilog((provider, logger) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var settings = configuration.GetSection(LogSettings.Section).Get<LogSettings>() ?? new LogSettings();
            var json = settings.Format is { } format
                ? string.Equals(format, "Json", StringComparison.OrdinalIgnoreCase)
                : provider.GetRequiredService<IHostEnvironment>().IsProduction();
            ApplyLevels(logger, configuration.GetSection("Logging:LogLevel"));
            logger.Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "RJH.DeviceWorkflows")
                .WriteTo.Sink(new MaskingSink(Sinks(provider, settings, json)));
        }, preserveStaticLogger: true); // several hosts share a test process: none owns Log.Logger
        return services;
    }

    private static Logger Sinks(IServiceProvider provider, LogSettings settings, bool json)
    {
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose();
        if (json) sinks.WriteTo.Console(new RenderedCompactJsonFormatter());
        else sinks.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        if (settings.File is { Length: > 0 } file)
            sinks.WriteTo.File(new RenderedCompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
        foreach (var sink in provider.GetServices<ILogEventSink>()) sinks.WriteTo.Sink(sink);
        return sinks.CreateLogger();
    }

    /// <summary>"Default" and category prefixes, as Microsoft.Extensions.Logging reads them.</summary>
    private static void ApplyLevels(LoggerConfiguration logger, IConfigurationSection levels)
    {
        logger.MinimumLevel.Is(Level(levels["Default"]) ?? LogEventLevel.Information);
        foreach (var category in levels.GetChildren().Where(c => c.Key != "Default"))
            if (Level(category.Value) is { } level) logger.MinimumLevel.Override(category.Key, level);
    }

    private static LogEventLevel? Level(string? value) => value?.ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" => LogEventLevel.Information,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "critical" or "none" => LogEventLevel.Fatal,
        _ => null,
    };
}
