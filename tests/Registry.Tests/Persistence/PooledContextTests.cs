using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Persistence;
using RJH.DeviceWorkflows.Registry.Tests.Support;

namespace RJH.DeviceWorkflows.Registry.Tests.Persistence;

/// <summary>
/// The register's contexts come from EF's pool. One that joined an engine command's SQLite transaction must not keep
/// the command's connection when it is handed out again.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task A_context_that_joined_a_command_has_its_own_connection_again_when_it_is_next_handed_out()
    {
        await using var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite);
        var contexts = register.Services.GetRequiredService<IDbContextFactory<RegisterDbContext>>();

        RegisterDbContext joined;
        System.Data.Common.DbConnection commandConnection;
        await using (var command = await contexts.CreateDbContextAsync())
        {
            commandConnection = command.Database.GetDbConnection();
            await using var transaction = await command.Database.BeginTransactionAsync();
            using (CommandConnection.Share(command))
            {
                await using var inCommand = await contexts.CreateDbContextAsync();
                joined = inCommand;
                Assert.Same(commandConnection, inCommand.Database.GetDbConnection());
                Assert.Same(transaction.GetDbTransaction(), inCommand.Database.CurrentTransaction?.GetDbTransaction());
                // Its log lines name the command's transaction.
                Assert.Equal(transaction.TransactionId, inCommand.Database.CurrentTransaction?.TransactionId);
            }
            await transaction.CommitAsync();
        }

        // Both went back to the pool; take both out again and find the one that joined.
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        var again = Assert.Single(new[] { first, second }, c => ReferenceEquals(c, joined));
        var other = ReferenceEquals(first, again) ? second : first;

        Assert.NotSame(commandConnection, again.Database.GetDbConnection());
        Assert.Null(again.Database.CurrentTransaction);
        Assert.Equal(register.ConnectionString, again.Database.GetConnectionString());
        // Each works on a connection of its own: one holds the write lock while the other still reads.
        await using var writing = await other.Database.BeginTransactionAsync();
        Assert.Equal(0, await again.People.CountAsync());
    }

    [Fact]
    public async Task A_context_on_another_sqlite_file_does_not_join_the_command()
    {
        await using var register = await TempRegister.CreateAsync(DatabaseKind.Sqlite);
        await using var elsewhere = await TempRegister.CreateAsync(DatabaseKind.Sqlite);
        var contexts = register.Services.GetRequiredService<IDbContextFactory<RegisterDbContext>>();
        var otherContexts = elsewhere.Services.GetRequiredService<IDbContextFactory<RegisterDbContext>>();

        await using var command = await contexts.CreateDbContextAsync();
        await using var transaction = await command.Database.BeginTransactionAsync();
        using (CommandConnection.Share(command))
        {
            await using var sameFile = await contexts.CreateDbContextAsync();
            await using var otherFile = await otherContexts.CreateDbContextAsync();
            Assert.Same(command.Database.GetDbConnection(), sameFile.Database.GetDbConnection());
            Assert.NotSame(command.Database.GetDbConnection(), otherFile.Database.GetDbConnection());
            Assert.Null(otherFile.Database.CurrentTransaction);
            Assert.Equal(elsewhere.ConnectionString, otherFile.Database.GetConnectionString());
        }
    }
}
