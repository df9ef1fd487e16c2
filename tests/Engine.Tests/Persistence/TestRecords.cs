using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

/// <summary>Minimal valid records; tests set only what they are about.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static DefinitionRecord Definition(string key, int version, bool published = false) => new()
    {
        Key = key, Version = version, Xml = $"<definitions id='{key}-{version}'/>", Published = published,
        DeployedAt = T0.AddMinutes(version), DeployedBy = "test", PublishedAt = published ? T0.AddHours(version) : null,
    };

    public static InstanceRecord Instance(Guid? id = null, string key = "order") => new()
    {
        Id = id ?? Guid.NewGuid(), DefinitionKey = key, DefinitionVersion = 1, State = "{}",
        StartedAt = T0, StartedBy = "test",
    };

    public static UserTaskRecord UserTask(Guid instanceId, int minute, string? assignee = null, string roles = "",
        UserTaskStatus status = UserTaskStatus.Open) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instanceId, TokenId = "t1", ElementId = $"task{minute}",
        Assignee = assignee, CandidateRoles = roles, CreatedAt = T0.AddMinutes(minute), Status = status,
    };

    public static MessageSubscriptionRecord Message(Guid? instanceId, string name, string? correlationKey,
        string? definitionKey = null) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instanceId, DefinitionKey = definitionKey, ElementId = "catch",
        MessageName = name, CorrelationKey = correlationKey, CreatedAt = T0,
    };

    public static TimerRecord Timer(Guid? instanceId, DateTimeOffset dueAt, string? definitionKey = null) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instanceId, DefinitionKey = definitionKey, ElementId = "timer", DueAt = dueAt,
    };

    /// <summary>Stores records in one committed transaction.</summary>
    public static async Task SaveAsync(IWorkflowStore store, Action<IWorkflowTransaction> write)
    {
        await using var tx = await store.BeginAsync();
        write(tx);
        await tx.CommitAsync();
    }
}
