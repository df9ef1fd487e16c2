using Microsoft.EntityFrameworkCore.ChangeTracking;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Columns of UserTasks that only the inbox's queries need, kept by the store from the record's own values
/// (the runtime never sees them): a lower-case search text, and a due time that sorts and compares without
/// NULL handling, so both can use an index or a plain comparison on every database.
/// </summary>
internal static class InboxColumns
{
    public const string SearchText = "SearchText";
    public const string DueOrder = "DueOrder";

    /// <summary>"Due never" for tasks without a due time: after every real time.</summary>
    public static readonly DateTimeOffset Never = DateTimeOffset.MaxValue;

    public static void Update(EntityEntry<UserTaskRecord> entry)
    {
        var task = entry.Entity;
        entry.Property<string>(SearchText).CurrentValue = Searchable(task.BusinessKey, task.PersonName);
        entry.Property<DateTimeOffset>(DueOrder).CurrentValue = task.DueAt ?? Never;
    }

    /// <summary>What a search compares with: lower case in .NET, not in SQL, so Å and å match on every database.</summary>
    public static string Searchable(params string?[] parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();
}
