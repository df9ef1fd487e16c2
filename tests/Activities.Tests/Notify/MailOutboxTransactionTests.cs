using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using MimeKit;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Rules.Calendar;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

/// <summary>
/// The outbox joins the engine command's transaction on every product: a mail queued by a step that is rolled back
/// (a lost race, a later step's failure) is never sent. The command is played by another context holding a
/// transaction and sharing it, as the engine's does.
/// </summary>
public sealed class MailOutboxTransactionTests
{
    private static readonly DateTimeOffset Now = TestClock.WorkingMonday;

    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task A_queued_mail_commits_or_rolls_back_with_the_command_that_queued_it(DatabaseKind kind)
    {
        var (connectionString, drop) = await DatabaseAsync(kind);
        try
        {
            var contexts = new MailOutboxContexts(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = kind.ToString(), ["ConnectionStrings:Default"] = connectionString,
            }).Build());
            await using (var db = contexts.Create()) await DatabaseProvider.MigrateAsync(db);
            var outbox = new MailOutbox(contexts, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

            await QueueInCommandAsync(contexts, outbox, "rolled-back", commit: false);
            await QueueInCommandAsync(contexts, outbox, "committed", commit: true);

            var queued = Assert.Single(await outbox.ListAsync(null, 10, default));
            Assert.Equal(MessageIds.ForKey("committed"), queued.MessageId);
            Assert.Equal(OutboxMailStatus.Pending, queued.Status);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task QueueInCommandAsync(MailOutboxContexts contexts, IMailOutbox outbox, string key, bool commit)
    {
        await using var command = contexts.Create();
        await using var transaction = await command.Database.BeginTransactionAsync();
        using (CommandConnection.Share(command))
        {
            var message = new MimeMessage { MessageId = MessageIds.ForKey(key), Subject = "Test" };
            message.From.Add(MailboxAddress.Parse("noreply@regionjh.se"));
            message.To.Add(MailboxAddress.Parse("asa.oberg@regionjh.se"));
            message.Body = new TextPart("plain") { Text = "Hej" };
            var step = new ActivityContext(Guid.NewGuid(), "ORDER-1", "mail", key, new Dictionary<string, System.Text.Json.Nodes.JsonNode?>());
            await outbox.QueueAsync(step, "generic", new MailRecipient("E1001", "Åsa Öberg", "asa.oberg@regionjh.se", WorkingHours.Default),
                message, Now, default);
        }
        if (commit) await transaction.CommitAsync();
        else await transaction.RollbackAsync();
    }

    private static async Task<(string ConnectionString, Func<Task> Drop)> DatabaseAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.PostgreSql)
        {
            Skip.If(PostgresCluster.SkipRequested, $"{PostgresCluster.SkipVariable}=1: PostgreSQL tests are skipped.");
            var cluster = await PostgresCluster.GetAsync();
            var database = await cluster.CreateDatabaseAsync();
            return (database, () => cluster.DropDatabaseAsync(database));
        }
        var folder = Directory.CreateTempSubdirectory("rjh-outbox-").FullName;
        var sqlite = $"Data Source={Path.Combine(folder, "rjh.db")}";
        return (sqlite, () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        });
    }
}
