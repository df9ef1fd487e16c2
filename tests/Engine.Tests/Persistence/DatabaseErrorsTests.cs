using Microsoft.EntityFrameworkCore;
using Npgsql;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Tests.Persistence;

public sealed class DatabaseErrorsTests
{
    [Theory]
    [InlineData("40001", true)]   // serialization failure
    [InlineData("40P01", true)]   // deadlock
    [InlineData("23505", true)]   // duplicate key: another transaction inserted it first
    [InlineData("23502", false)]  // not-null violation: a bug, retrying cannot help
    [InlineData("42P01", false)]  // missing table
    public void PostgreSQL_errors_that_mean_a_lost_race(string sqlState, bool lostRace)
    {
        var error = new PostgresException("simulated", "ERROR", "ERROR", sqlState);
        Assert.Equal(lostRace, DatabaseErrors.IsLostRace(error));
        Assert.Equal(lostRace, DatabaseErrors.IsLostRace(new DbUpdateException("save failed", error)));
    }
}
