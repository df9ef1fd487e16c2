using RJH.DeviceWorkflows.Data;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Features.Definitions;

/// <summary>Section <c>Workflows</c>: where the shipped lifecycle models are.</summary>
internal sealed class WorkflowSeedOptions
{
    public const string Section = "Workflows";

    /// <summary>Each <c>*.bpmn</c> directly in it (not in sub-folders such as variants/) is deployed and published on first start.</summary>
    public string SeedFolder { get; set; } = "workflows";

    public bool Seed { get; set; } = true;
}

/// <summary>
/// On start: deploys and publishes each shipped model whose process key has no version in the database
/// yet (first start, or a model added by an update). A key that has versions is left alone: from then on
/// process owners own it through the designer. A file that cannot be deployed is logged and skipped, so
/// one broken model does not stop the others or the host.
/// </summary>
internal sealed class WorkflowSeeder(IWorkflowEngine engine, IWorkflowQueries queries, IHostEnvironment environment,
    IOptions<WorkflowSeedOptions> options, ILogger<WorkflowSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed) return;
        if (ContentFolders.Find(options.Value.SeedFolder, environment.ContentRootPath, AppContext.BaseDirectory) is not { } folder)
        {
            logger.LogWarning("Workflow seed folder {Folder} not found; no models seeded", options.Value.SeedFolder);
            return;
        }
        HashSet<string> existing;
        try
        {
            existing = (await queries.ListDefinitionsAsync(cancellationToken)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Seeding is a convenience of first start; the host serves what is stored even when it fails.
            logger.LogError(e, "The stored workflows could not be listed; no models seeded");
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            try
            {
                if (Engine.Model.Reading.BpmnReader.Read(xml).Model?.Key is { } key && existing.Contains(key)) continue;
                var deployed = await engine.DeployAsync(xml, publish: true, Caller.System, cancellationToken);
                existing.Add(deployed.Key);
                logger.LogInformation("Seeded workflow {Key} v{Version} from {File}", deployed.Key, deployed.Version, Path.GetFileName(file));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Workflow model {File} could not be seeded", Path.GetFileName(file));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class WorkflowSeeding
{
    public static IServiceCollection AddWorkflowSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowSeedOptions>().Bind(configuration.GetSection(WorkflowSeedOptions.Section));
        return services.AddHostedService<WorkflowSeeder>();
    }
}
