using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Engine.Tests.Support;

/// <summary>
/// Counts the SQL commands EF sends to one database while it is alive: round trips that a change is meant to save.
/// EF reports every command of the process to one listener, so commands on other tests' databases, which run in
/// parallel, are told apart by the connection string the product opens it with. EF asks whether anyone listens at most once a second per
/// context (<see cref="ListeningAsync"/>).
/// </summary>
internal sealed class DatabaseCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string connectionString;
    private readonly IDisposable allListeners;
    private readonly List<IDisposable> subscriptions = [];
    private readonly List<string> commands = [];

    private DatabaseCommandCounter(DatabaseOptions database)
    {
        connectionString = DatabaseProvider.ConnectionStringFor(database);
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>
    /// Waits until every context counts: EF remembers for a second (its logging cache time) that nobody listened, and
    /// pooled contexts keep that from before the counter existed.
    /// </summary>
    public static async Task<DatabaseCommandCounter> ListeningAsync(DatabaseOptions database)
    {
        var counter = new DatabaseCommandCounter(database);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return counter;
    }

    /// <summary>The SQL of each command executed on the database so far, in order.</summary>
    public IReadOnlyList<string> Commands
    {
        get { lock (commands) return [.. commands]; }
    }

    public void Clear()
    {
        lock (commands) commands.Clear();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (subscriptions) subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Value is CommandExecutedEventData data
            && string.Equals(data.Context?.Database.GetConnectionString(), connectionString, StringComparison.Ordinal))
            lock (commands) commands.Add(data.Command.CommandText);
    }

    public void Dispose()
    {
        allListeners.Dispose();
        lock (subscriptions) foreach (var s in subscriptions) s.Dispose();
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
