using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RJH.DeviceWorkflows.Data;

/// <summary>Recognises database errors that mean "another writer got there first": retrying the work can succeed.</summary>
public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    // A duplicate key counts as a lost race: EF refuses a duplicate within one context before it reaches
    // the database, so a key the database rejects was committed meanwhile by another transaction
    // (e.g. two deploys both taking the next definition version).
    private static readonly HashSet<string> PostgresRaces =
    [
        PostgresErrorCodes.SerializationFailure, // 40001: a row changed after this transaction's snapshot
        PostgresErrorCodes.DeadlockDetected,     // 40P01
        PostgresErrorCodes.UniqueViolation,      // 23505
        PostgresErrorCodes.LockNotAvailable,     // 55P03: lock_timeout, when one is set
    ];

    private static readonly HashSet<int> SqlServerRaces =
    [
        1205, // chosen as deadlock victim
        1222, // lock request time-out
        2601, // duplicate key in a unique index
        2627, // duplicate primary or unique key
        3960, // snapshot isolation update conflict
    ];

    public static bool IsLostRace(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case PostgresException pg when PostgresRaces.Contains(pg.SqlState):
                case SqlException sql when SqlServerRaces.Contains(sql.Number):
                    return true;
            }
        }
        return false;
    }
}
