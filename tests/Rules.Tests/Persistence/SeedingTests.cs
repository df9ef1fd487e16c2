using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Rules.Persistence;
using RJH.DeviceWorkflows.Rules.Tests.Support;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

public sealed class SeedingTests
{
    [Fact]
    public async Task First_start_stores_each_shipped_set_as_published_version_1()
    {
        await using var db = await TempPolicyStore.CreateAsync(Repository.PoliciesFolder);

        var seeded = await db.Services.SeedPoliciesAsync();

        Assert.Equal(["entitlement", "financing", "notification-hours", "rollout-gate"], seeded);
        var sets = await db.Policies.ListAsync();
        Assert.All(sets, s => Assert.Equal((1, (int?)1), (s.LatestVersion, s.PublishedVersion)));
        var version = Assert.Single(await db.Store.ListVersionsAsync(PolicySets.Entitlement));
        Assert.Equal("system:seed", version.SavedBy);
        Assert.Equal("system:seed", version.PublishedBy);
        Assert.Equal(db.Time.GetUtcNow(), version.PublishedAt);
    }

    [Fact]
    public async Task A_second_start_stores_nothing_new()
    {
        await using var first = await TempPolicyStore.CreateAsync(Repository.PoliciesFolder);
        await first.Services.SeedPoliciesAsync();
        await first.Policies.SaveDraftAsync(PolicySets.Financing, Repository.ReadPolicy(PolicySets.Financing), "anna");

        await using var second = await first.RestartAsync(Repository.PoliciesFolder);
        var seeded = await second.Services.SeedPoliciesAsync();

        Assert.Empty(seeded);
        var sets = await second.Policies.ListAsync();
        Assert.Equal([1, 2, 1, 1], sets.Select(s => s.LatestVersion));
        Assert.Equal(5, await AuditCountAsync(second));
    }

    [Fact]
    public async Task Only_sets_without_any_version_are_seeded()
    {
        await using var db = await TempPolicyStore.CreateAsync();
        // A draft saved before the seed ran (say, by an import) is the set's history; the seed leaves it.
        await db.Policies.SaveDraftAsync(PolicySets.RolloutGate, Repository.ReadPolicy(PolicySets.RolloutGate), "anna");

        var seeded = await db.Services.SeedPoliciesAsync(Repository.PoliciesFolder);

        Assert.DoesNotContain(PolicySets.RolloutGate, seeded);
        Assert.Null(await db.Store.FindPublishedVersionAsync(PolicySets.RolloutGate));
    }

    [Fact]
    public async Task An_invalid_seed_file_stops_the_start_and_stores_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("rjh-seed-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "entitlement.json"), TableJson.Entitlement("employee.GetType() != null"));
            await using var db = await TempPolicyStore.CreateAsync();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Services.SeedPoliciesAsync(folder));

            Assert.Contains("UnderTest", error.Message);
            Assert.Empty(await db.Policies.ListAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_seed_file_of_an_unknown_set_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("rjh-seed-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "payroll.json"), "{}");
            await using var db = await TempPolicyStore.CreateAsync();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Services.SeedPoliciesAsync(folder));

            Assert.Contains("payroll.json", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_seed_folder_is_an_error()
    {
        await using var db = await TempPolicyStore.CreateAsync();

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => db.Services.SeedPoliciesAsync(Path.Combine(db.Folder, "nowhere")));
    }

    [Fact]
    public void The_default_seed_folder_is_found_from_below_the_repository()
    {
        var resolved = RJH.DeviceWorkflows.Data.ContentFolders.Resolve(new PolicyOptions().SeedFolder);

        Assert.Equal(Path.GetFullPath(Repository.PoliciesFolder), Path.GetFullPath(resolved));
    }

    [Fact]
    public async Task Migrating_beside_another_contexts_migrations_works()
    {
        // The engine's context shares the database file and EF's history table.
        var folder = Directory.CreateTempSubdirectory("rjh-shared-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "rjh.db")}";
        try
        {
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsHistory" VALUES ('20261124100434_InitialEngineSchema', '10.0.15');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString }).Build();
            await using var provider = new ServiceCollection().AddPolicyRules(configuration).BuildServiceProvider();

            await provider.MigratePolicyStoreAsync();
            await provider.MigratePolicyStoreAsync();

            Assert.Empty(await provider.GetRequiredService<IPolicyStore>().ListSetsAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<int> AuditCountAsync(TempPolicyStore db) => (await AuditAsync(db)).Count;

    /// <summary>The audit trail as "set version action actor", oldest first.</summary>
    internal static async Task<List<string>> AuditAsync(TempPolicyStore db)
    {
        var contexts = db.Services.GetRequiredService<IDbContextFactory<PolicyDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        var rows = await context.Audit.OrderBy(a => a.Id).ToListAsync();
        return rows.Select(a => $"{a.Set} {a.Version} {a.Action} {a.Actor}").ToList();
    }
}
