namespace RJH.DeviceWorkflows.Engine.Runtime.Migration;

/// <summary>
/// Moves running instances of one process version to another (process owner or admin). The dry run changes nothing;
/// <see cref="MigrateAsync"/> moves each chosen instance in a command of its own and leaves those that cannot move untouched.
/// </summary>
public interface IInstanceMigration
{
    /// <summary>Every running instance of <see cref="MigrationPlan.FromVersion"/> (or the chosen ones), checked against the target.</summary>
    Task<MigrationDryRun> DryRunAsync(MigrationPlan plan, Caller caller, CancellationToken ct = default);

    /// <summary>Moves the chosen instances (all of the from version when none are chosen); one result per instance.</summary>
    Task<IReadOnlyList<MigrationResult>> MigrateAsync(MigrationPlan plan, Caller caller, CancellationToken ct = default);
}

/// <param name="Mapping">Element (or flow) id in the from version → id in the target, for renamed elements; others map by id.</param>
/// <param name="InstanceIds">Only these instances; null or empty = every running instance of the from version.</param>
public sealed record MigrationPlan(string DefinitionKey, int FromVersion, int ToVersion,
    IReadOnlyDictionary<string, string>? Mapping = null, IReadOnlyList<Guid>? InstanceIds = null);

public sealed record MigrationDryRun(string DefinitionKey, int FromVersion, int ToVersion, IReadOnlyList<MigrationCheck> Instances);

/// <param name="Problems">Why the instance cannot move; empty = it can.</param>
public sealed record MigrationCheck(Guid InstanceId, string? BusinessKey, DateTimeOffset StartedAt, bool CanMigrate,
    IReadOnlyList<MigrationElement> Elements, IReadOnlyList<string> Problems);

/// <summary>One active element of an instance and what migrating does to it.</summary>
/// <param name="Kind">userTask, timer, message, job, subProcess, multiInstance, callActivity, eventGateway, join, incident.</param>
/// <param name="Name">The element's name in the target (or the source when it has no counterpart).</param>
/// <param name="Problem">Why this element stops the migration; null = it moves.</param>
/// <param name="Effect">What happens to the element when it moves (English; pages show their own text per kind).</param>
public sealed record MigrationElement(string Kind, string ElementId, string? TargetElementId, string? Name, string? Problem,
    string Effect, DateTimeOffset? DueAt = null, string? MessageName = null);

/// <param name="Reason">Why it did not move (its problems, or what changed since the dry run).</param>
public sealed record MigrationResult(Guid InstanceId, bool Migrated, string? Reason);
