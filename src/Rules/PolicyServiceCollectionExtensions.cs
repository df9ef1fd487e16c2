using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules.Decisions;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Persistence;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPolicyService"/> and its EF store on the configured database
    /// (<c>Database:Provider</c>, connection string <c>Default</c>) with options from <c>Policies</c>.
    /// </summary>
    public static IServiceCollection AddPolicyRules(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section));
        _ = database.Kind switch
        {
            // Joined to an engine command's SQLite transaction: Policy.Evaluate logs its decision inside the command.
            DatabaseKind.Sqlite => services.AddProductContext<PolicyDbContext, SqlitePolicyDbContext>(database, joinCommand: true),
            DatabaseKind.PostgreSql => services.AddProductContext<PolicyDbContext, PostgresPolicyDbContext>(database, joinCommand: true),
            _ => services.AddProductContext<PolicyDbContext, SqlServerPolicyDbContext>(database, joinCommand: true),
        };
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPolicyStore, EfPolicyStore>();
        services.TryAddSingleton<IPolicyDecisionLog, EfPolicyDecisionLog>();
        services.AddSingleton<PolicyValidator>();
        services.AddSingleton<PolicyEvaluator>();
        services.AddSingleton(sp => new PolicySeeder(sp.GetRequiredService<IPolicyStore>(), sp.GetRequiredService<PolicyValidator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PolicySeeder>>() ?? NullLogger<PolicySeeder>.Instance));
        services.AddSingleton(sp => new PolicyService(sp.GetRequiredService<IPolicyStore>(), sp.GetRequiredService<PolicyValidator>(),
            sp.GetRequiredService<PolicyEvaluator>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IPolicyDecisionLog>())
        {
            PublishedVersionCacheTime = sp.GetRequiredService<IOptions<PolicyOptions>>().Value.PublishedVersionCacheTime,
        });
        services.AddSingleton<IPolicyService>(sp => sp.GetRequiredService<PolicyService>());
        return services;
    }


    /// <summary>Brings the policy tables to the current schema.</summary>
    public static Task MigratePolicyStoreAsync(this IServiceProvider services, CancellationToken ct = default)
        => services.MigrateProductContextAsync<PolicyDbContext>(ct);

    /// <summary>
    /// Stores every shipped rule set that the database has no version of (first start); idempotent.
    /// Uses <paramref name="folder"/>, else <see cref="PolicyOptions.SeedFolder"/>.
    /// </summary>
    /// <returns>The sets stored now.</returns>
    public static Task<IReadOnlyList<string>> SeedPoliciesAsync(this IServiceProvider services, string? folder = null,
        CancellationToken ct = default)
    {
        var configured = folder ?? services.GetRequiredService<IOptions<PolicyOptions>>().Value.SeedFolder;
        return services.GetRequiredService<PolicySeeder>().SeedAsync(ContentFolders.Resolve(configured), ct);
    }

}
