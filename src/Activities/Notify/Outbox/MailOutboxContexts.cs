using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>
/// Opens outbox contexts on the host's database (<c>Database:Provider</c>, connection string <c>Default</c>).
/// Read from the configuration when first needed, so <c>AddMail</c> needs no configuration at registration.
/// </summary>
internal sealed class MailOutboxContexts(IConfiguration configuration)
{
    private readonly Lazy<Func<MailOutboxDbContext>> create = new(() => Creator(DatabaseOptions.From(configuration)));

    /// <summary>
    /// A context that takes part in the running engine command's transaction, on every product: a queued mail
    /// must commit or roll back with the step that queued it. Outside a command it is a context of its own.
    /// </summary>
    public async Task<MailOutboxDbContext> InCommandAsync(CancellationToken ct)
    {
        var context = create.Value();
        await CommandConnection.JoinAsync(context, serverDatabases: true, ct);
        return context;
    }

    public MailOutboxDbContext Create() => create.Value();

    public static Func<MailOutboxDbContext> Creator(DatabaseOptions database) => database.Kind switch
    {
        DatabaseKind.Sqlite => For<SqliteMailOutboxDbContext>(database, o => new(o)),
        DatabaseKind.PostgreSql => For<PostgresMailOutboxDbContext>(database, o => new(o)),
        _ => For<SqlServerMailOutboxDbContext>(database, o => new(o)),
    };

    private static Func<MailOutboxDbContext> For<TContext>(DatabaseOptions database, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : MailOutboxDbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProvider.Configure(options, database);
        var built = options.Options;
        return () => create(built);
    }
}
