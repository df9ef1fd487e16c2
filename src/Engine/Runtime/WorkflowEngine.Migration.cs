using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime.Migration;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

internal sealed partial class WorkflowEngine : IInstanceMigration
{
    public async Task<MigrationDryRun> DryRunAsync(MigrationPlan plan, Caller caller, CancellationToken ct = default)
    {
        var map = await MapAsync(plan, caller, ct);
        var checks = new List<MigrationCheck>();
        foreach (var record in await CandidatesAsync(plan, ct))
        {
            var (elements, problems) = map.Check(record, codec.Deserialize(record.State, lenient: true));
            checks.Add(new MigrationCheck(record.Id, record.BusinessKey, record.StartedAt, problems.Count == 0, elements, problems));
        }
        return new MigrationDryRun(plan.DefinitionKey, plan.FromVersion, plan.ToVersion, checks);
    }

    public async Task<IReadOnlyList<MigrationResult>> MigrateAsync(MigrationPlan plan, Caller caller, CancellationToken ct = default)
    {
        var map = await MapAsync(plan, caller, ct);
        var ids = plan.InstanceIds is { Count: > 0 } chosen ? chosen.Distinct().ToList() : (await CandidatesAsync(plan, ct)).Select(r => r.Id).ToList();
        var results = new List<MigrationResult>();
        foreach (var id in ids)
        {
            try
            {
                await CommandAsync(caller, ctx => MigrateOneAsync(ctx, id, plan, map, ct), ct);
                results.Add(new MigrationResult(id, true, null));
                logger.LogInformation("{User} migrated instance {InstanceId} of {Key} from v{From} to v{To}", caller.UserName, id, plan.DefinitionKey, plan.FromVersion, plan.ToVersion);
            }
            catch (MigrationRefusedException e)
            {
                results.Add(new MigrationResult(id, false, e.Message));
            }
            catch (Exception e) when (e is NotFoundException or ConflictException)
            {
                results.Add(new MigrationResult(id, false, e.Message));
            }
        }
        return results;
    }

    /// <summary>One instance in one command: checked again under the instance's lock, so a dry run that went stale refuses.</summary>
    private static async Task<bool> MigrateOneAsync(CommandContext ctx, Guid id, MigrationPlan plan, MigrationMap map, CancellationToken ct)
    {
        var execution = await ctx.LoadAsync(id, ct);
        var record = execution.Record;
        if (record.DefinitionKey != plan.DefinitionKey || record.DefinitionVersion != plan.FromVersion)
            throw new MigrationRefusedException($"The instance runs {record.DefinitionKey} version {record.DefinitionVersion}, not {plan.DefinitionKey} version {plan.FromVersion}.");
        var (_, problems) = map.Check(record, execution.State);
        if (problems.Count > 0) throw new MigrationRefusedException(string.Join(" ", problems));

        map.Apply(execution.State);
        foreach (var task in await ctx.Tx.LoadOpenTasksAsync(id, ct)) map.Apply(task);
        foreach (var jobId in execution.State.Tokens.Select(t => t.JobId).OfType<Guid>())
            if (await ctx.Tx.LoadJobAsync(jobId, ct) is { } job) job.ElementId = map.TargetId(job.ElementId);
        record.DefinitionVersion = plan.ToVersion;
        var (messages, timers) = execution.ProjectWaits();
        await ctx.Tx.ReplaceWaitsAsync(id, messages, timers, ct);
        ctx.Journal(id, "InstanceMigrated", null, $"Migrated from version {plan.FromVersion} to {plan.ToVersion}");
        return true;
    }

    private async Task<MigrationMap> MapAsync(MigrationPlan plan, Caller caller, CancellationToken ct)
    {
        if (!caller.IsAdmin && !caller.Roles.Contains(ProcessOwnerRole))
            throw new ForbiddenException("Only a process owner or an admin may migrate instances.");
        if (string.IsNullOrWhiteSpace(plan.DefinitionKey)) throw new InvalidRequestException("definitionKey is required.");
        if (plan.FromVersion < 1 || plan.ToVersion < 1) throw new InvalidRequestException("fromVersion and toVersion are required (1 or more).");
        if (plan.FromVersion == plan.ToVersion) throw new InvalidRequestException("fromVersion and toVersion must differ.");
        var from = await store.FindDefinitionAsync(plan.DefinitionKey, plan.FromVersion, publishedOnly: false, ct)
            ?? throw new NotFoundException($"Process '{plan.DefinitionKey}' has no version {plan.FromVersion}.");
        var to = await store.FindDefinitionAsync(plan.DefinitionKey, plan.ToVersion, publishedOnly: false, ct)
            ?? throw new NotFoundException($"Process '{plan.DefinitionKey}' has no version {plan.ToVersion}.");
        // A draft may still be replaced by a corrected one: instances move only to what the owner has released.
        if (!to.Published) throw new InvalidRequestException($"Version {plan.ToVersion} is a draft; publish it before moving instances to it.");
        return new MigrationMap(definitions.Get(from), definitions.Get(to), plan.Mapping, plan.ToVersion);
    }

    private async Task<IReadOnlyList<InstanceRecord>> CandidatesAsync(MigrationPlan plan, CancellationToken ct)
    {
        var found = new List<InstanceRecord>();
        foreach (var status in new[] { InstanceStatus.Running, InstanceStatus.Faulted })
            found.AddRange(await store.ListInstancesAsync(new InstanceQuery(plan.DefinitionKey, status, Max: 1000), ct));
        var chosen = plan.InstanceIds is { Count: > 0 } ids ? ids.ToHashSet() : null;
        return found.Where(r => r.DefinitionVersion == plan.FromVersion && r.EndedAt is null && (chosen is null || chosen.Contains(r.Id)))
            .OrderBy(r => r.StartedAt).ToList();
    }

    private sealed class MigrationRefusedException(string message) : Exception(message);
}
