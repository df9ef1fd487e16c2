using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules;

// Not "...Features.Policies": a namespace of that name would hide Infrastructure.Auth.Policies from every other feature.
namespace RJH.DeviceWorkflows.Host.Features.PolicyRules;

internal static class PolicyFeature
{
    /// <summary>The policy rule sets (section <c>Policies</c>) and their migration and seeding on start.</summary>
    public static IServiceCollection AddPolicyFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPolicyRules(configuration);
        services.AddHostedService<PolicyStoreStartup>();
        return services;
    }
}

/// <summary>
/// On start: brings the policy tables to the current schema, then stores each shipped rule set the database
/// has no version of yet (first start). A relative <c>Policies:SeedFolder</c> is looked for from the content
/// root upwards, so `dotnet run --project src/Host` from the repository and the tests find workflows/policies.
/// The policy store has SQLite migrations only so far: on PostgreSQL and SQL Server it is left alone (with a
/// warning) so the engine still starts; the /api/policies endpoints and Policy.Evaluate fail there until it has them.
/// </summary>
internal sealed class PolicyStoreStartup(IServiceProvider services, IHostEnvironment environment,
    IOptions<PolicyOptions> options, ILogger<PolicyStoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigratePolicyStoreAsync(cancellationToken);

        var configured = options.Value.SeedFolder;
        if (ContentFolders.Find(configured, environment.ContentRootPath, AppContext.BaseDirectory) is not { } folder)
        {
            logger.LogWarning("Policy seed folder {Folder} not found from {ContentRoot} upwards; no rule sets seeded",
                configured, environment.ContentRootPath);
            return;
        }
        var seeded = await services.SeedPoliciesAsync(folder, cancellationToken);
        if (seeded.Count > 0)
            logger.LogInformation("Seeded policy rule sets {Sets} from {Folder}", string.Join(", ", seeded), folder);
        else
            logger.LogInformation("Policy rule sets already stored; nothing seeded from {Folder}", folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
