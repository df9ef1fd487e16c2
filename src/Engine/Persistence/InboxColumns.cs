using Microsoft.EntityFrameworkCore.ChangeTracking;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// Columns of UserTasks that only the inbox's queries need, kept by the store from the record's own values
/// (the runtime never sees them): a lower-case search text, a due time that sorts and compares without
/// NULL handling, and the candidate roles wrapped in commas (",A,B,") so that a role matches as a plain
/// column LIKE '%,B,%' that the database has statistics for, not as an expression it has to guess about.
/// </summary>
internal static class InboxColumns
{
    public const string SearchText = "SearchText";
    public const string DueOrder = "DueOrder";
    public const string RoleList = "RoleList";

    /// <summary>"Due never" for tasks without a due time: after every real time.</summary>
    public static readonly DateTimeOffset Never = DateTimeOffset.MaxValue;

    public static void Update(EntityEntry<UserTaskRecord> entry)
    {
        var task = entry.Entity;
        entry.Property<string>(SearchText).CurrentValue = Searchable(task.BusinessKey, task.PersonName);
        entry.Property<DateTimeOffset>(DueOrder).CurrentValue = task.DueAt ?? Never;
        entry.Property<string>(RoleList).CurrentValue = $",{task.CandidateRoles},";
    }

    /// <summary>What a search compares with: lower case in .NET, not in SQL, so Å and å match on every database.</summary>
    public static string Searchable(params string?[] parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();
}
