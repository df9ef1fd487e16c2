using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// The engine command's SQLite connection and transaction, shared with the register and work-environment contexts
/// that inline activities open during the command. SQLite has one writer: the command holds it (BEGIN IMMEDIATE)
/// until it commits, so an inline activity writing through a connection of its own would wait for it until it timed
/// out. Joined, the activity's changes commit or roll back with the command. Server databases take concurrent
/// writers and are left alone, unless a context asks to join there too (rows that must commit with the command,
/// like the mail outbox's and the policy decision log's: <see cref="ICommandContextFactory{TBase}"/>).
/// </summary>
public static class CommandConnection
{
    private static readonly AsyncLocal<Shared?> Current = new();

    /// <summary>Shares <paramref name="owner"/>'s open transaction until the result is disposed.</summary>
    public static IDisposable Share(DbContext owner) =>
        owner.Database.CurrentTransaction is null ? Nothing.Instance : Share(owner, _ => Task.CompletedTask);

    /// <summary>
    /// Shares <paramref name="owner"/>'s transaction until the result is disposed, beginning it with
    /// <paramref name="begin"/> when the first context joins: a command that no other context joins need not hold a
    /// transaction (and SQLite's writer lock) while it works.
    /// </summary>
    public static IDisposable Share(DbContext owner, Func<CancellationToken, Task> begin)
    {
        var previous = Current.Value;
        var kind = owner.Database.Kind();
        Current.Value = new Shared(owner, begin, kind, owner.Database.GetConnectionString(),
            kind == DatabaseKind.Sqlite ? FileOf(owner.Database.GetDbConnection().ConnectionString) : null);
        return new Restore(previous);
    }

    /// <summary>Lets a new context take part in the shared transaction when it works on the same SQLite file.</summary>
    /// <returns>Whether it joined: the context then uses the command's connection instead of its own.</returns>
    public static Task<bool> JoinAsync(DbContext context, CancellationToken ct) => JoinAsync(context, serverDatabases: false, ct);

    /// <param name="serverDatabases">Also on PostgreSQL and SQL Server, when the context uses the command's connection string.</param>
    public static async Task<bool> JoinAsync(DbContext context, bool serverDatabases, CancellationToken ct)
    {
        // A command's start opens a score of contexts, each joining here: what can be worked out once per command
        // (the shared file's path) or once per connection string is, not once per context.
        if (Current.Value is not { } shared || context.Database.Kind() != shared.Kind) return false;
        var sameDatabase = shared.SqliteFile is not null
            ? string.Equals(FileOf(context.Database.GetConnectionString()), shared.SqliteFile, StringComparison.Ordinal)
            : serverDatabases && string.Equals(context.Database.GetConnectionString(), shared.ConnectionString, StringComparison.Ordinal);
        if (!sameDatabase) return false;
        if (shared.Owner.Database.CurrentTransaction is null) await shared.Begin(ct);
        var transaction = shared.Owner.Database.CurrentTransaction
            ?? throw new InvalidOperationException("The command's transaction did not begin.");
        context.Database.SetDbConnection(shared.Owner.Database.GetDbConnection());
        // The command's own transaction id, so the joined context's log lines name the transaction they are part of.
        await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), transaction.TransactionId, ct);
        return true;
    }

    /// <summary>The full path of a SQLite connection string's file (a connection string names one file for good).</summary>
    private static string FileOf(string? connectionString) =>
        Files.GetOrAdd(connectionString ?? "", c => Path.GetFullPath(new SqliteConnectionStringBuilder(c).DataSource));

    private static readonly ConcurrentDictionary<string, string> Files = new(StringComparer.Ordinal);

    private sealed record Shared(DbContext Owner, Func<CancellationToken, Task> Begin, DatabaseKind Kind,
        string? ConnectionString, string? SqliteFile);

    private sealed class Restore(Shared? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();
        public void Dispose() { }
    }
}

/// <summary>Contexts that take part in the running engine command's transaction on every database product.</summary>
public interface ICommandContextFactory<TBase> where TBase : DbContext
{
    /// <summary>
    /// A context in the command's transaction also on PostgreSQL and SQL Server, for rows that must commit or roll back
    /// with the step that wrote them and that no other command updates (a logged decision, a queued mail): inserts,
    /// which cannot conflict under the command's snapshot. Outside a command, a context of its own.
    /// </summary>
    Task<TBase> CreateInCommandAsync(CancellationToken ct);
}

/// <summary>A <see cref="ProductDbContextFactory{TBase,TProduct}"/> whose contexts join the engine command's SQLite transaction (<see cref="CommandConnection"/>).</summary>
/// <remarks>
/// The contexts come from EF's pool (<see cref="ProductContexts"/>): an ordering's start opened some twenty register
/// and policy contexts, and building each one's services was a fifth of the start (P5, docs/benchmarks.md). A pooled
/// context keeps a connection set on it when it goes back, so one that joined a command gets its own connection
/// string back when it is next handed out, before anything can use it.
/// </remarks>
public sealed class CommandJoiningDbContextFactory<TBase, TProduct>(IDbContextFactory<TProduct> products)
    : IDbContextFactory<TBase>, ICommandContextFactory<TBase>
    where TBase : DbContext
    where TProduct : TBase
{
    /// <summary>Pooled contexts that joined a command, with the connection string they had before.</summary>
    private static readonly ConditionalWeakTable<DbContext, string> Joined = new();

    public TBase CreateDbContext() =>
        throw new NotSupportedException("Create these contexts asynchronously, so they can join the command's transaction.");

    public Task<TBase> CreateDbContextAsync(CancellationToken cancellationToken = default) => CreateAsync(serverDatabases: false, cancellationToken);

    public Task<TBase> CreateInCommandAsync(CancellationToken ct) => CreateAsync(serverDatabases: true, ct);

    private async Task<TBase> CreateAsync(bool serverDatabases, CancellationToken ct)
    {
        var context = await products.CreateDbContextAsync(ct);
        if (Joined.TryGetValue(context, out var own))
        {
            context.Database.SetDbConnection(null);
            context.Database.SetConnectionString(own);
            Joined.Remove(context);
        }
        var connectionString = context.Database.GetConnectionString();
        if (await CommandConnection.JoinAsync(context, serverDatabases, ct) && connectionString is not null)
            Joined.AddOrUpdate(context, connectionString);
        return context;
    }
}
