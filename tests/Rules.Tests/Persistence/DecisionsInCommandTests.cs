using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Rules.Persistence;
using RJH.DeviceWorkflows.Rules.Tests.Support;
using static RJH.DeviceWorkflows.Rules.Tests.Support.FactsJson;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

/// <summary>
/// A workflow step's decision is written in the engine command's transaction on every database: a command that rolls
/// back (lost a race, failed) leaves no decision behind for a step that, as far as the instance knows, never ran.
/// </summary>
public abstract class DecisionsInCommandTests(DatabaseKind kind)
{
    public sealed class Sqlite() : DecisionsInCommandTests(DatabaseKind.Sqlite);
    public sealed class Postgres() : DecisionsInCommandTests(DatabaseKind.PostgreSql);

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_decision_made_in_a_command_is_kept_if_and_only_if_the_command_commits(bool commits)
    {
        await using var db = await TempPolicyStore.CreateAsync(Repository.PoliciesFolder, kind);
        await db.Services.SeedPoliciesAsync();
        var instance = Guid.NewGuid();

        // The engine's command holds a transaction on the same database and shares it while its activities run.
        var contexts = db.Services.GetRequiredService<IDbContextFactory<PolicyDbContext>>();
        await using (var command = await contexts.CreateDbContextAsync())
        {
            await using var transaction = await command.Database.BeginTransactionAsync();
            using (CommandConnection.Share(command))
                await db.Policies.DecideForWorkflowAsync(PolicySets.Entitlement, Device(), instance, "entitlement");
            if (commits) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
        }

        Assert.Equal(commits ? 1 : 0, (await db.Policies.DecisionsOfInstanceAsync(instance)).Count);
    }
}
