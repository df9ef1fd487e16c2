using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Activities.Notify.Outbox;

/// <summary>The mail outbox: own table, own migrations, one context type per database product.</summary>
internal abstract class MailOutboxDbContext(DbContextOptions options) : DbContext(options)
{
    public const int KeyLength = 200;
    public const int TextLength = 500;

    public DbSet<OutboxMailRecord> Mails => Set<OutboxMailRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As elsewhere: instants as UTC ticks so SQLite can compare and order them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMailRecord>(e =>
        {
            e.ToTable("MailOutbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.MessageId).HasMaxLength(KeyLength);
            e.HasIndex(m => m.MessageId).IsUnique();
            e.Property(m => m.BusinessKey).HasMaxLength(KeyLength);
            e.Property(m => m.ElementId).HasMaxLength(KeyLength);
            e.Property(m => m.Template).HasMaxLength(KeyLength);
            e.Property(m => m.Recipient).HasMaxLength(KeyLength);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.LastError).HasMaxLength(TextLength);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
    }
}

internal sealed class SqliteMailOutboxDbContext(DbContextOptions<SqliteMailOutboxDbContext> options) : MailOutboxDbContext(options);

internal sealed class PostgresMailOutboxDbContext(DbContextOptions<PostgresMailOutboxDbContext> options) : MailOutboxDbContext(options);

internal sealed class SqlServerMailOutboxDbContext(DbContextOptions<SqlServerMailOutboxDbContext> options) : MailOutboxDbContext(options);
