using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Http;

internal static class HostServiceCollectionExtensions
{
    /// <summary>JSON conventions, problem details for every error, and the health check.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Enum names only: a number (or "A, B") would store a value that no one documented.
            json.SerializerOptions.Converters.Add(new StrictEnumConverterFactory(ignoreCase: true));
        });
        // Binding failures (bad JSON, bad query values) throw, so WorkflowExceptionHandler words them as problems
        // in every environment, not only in Development.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemText.Clip(context.ProblemDetails));
        services.AddExceptionHandler<WorkflowExceptionHandler>();
        services.AddHealthChecks();
        // The engine registers its own (controllable) clock; this only fills the gap when it does not.
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
