using Microsoft.Data.Sqlite;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>Recognises database errors that mean "another writer got there first".</summary>
internal static class StoreErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// True when the database refused the work because another connection holds the lock for
    /// longer than the busy timeout. The command can be retried, so callers see it as a conflict.
    /// </summary>
    public static bool IsLockConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        }
        return false;
    }
}
