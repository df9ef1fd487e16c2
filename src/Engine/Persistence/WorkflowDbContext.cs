using RJH.DeviceWorkflows.Data;
using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Persistence;

/// <summary>
/// The engine's tables. Records have no navigations: each table is read and written on its own.
/// Abstract because migrations differ per database product: each product has a derived context that
/// its migrations name (see <see cref="SqliteWorkflowDbContext"/>); the store only sees this type.
/// </summary>
internal abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    // Long enough for any key or name we generate, short enough that SQL Server can index it later.
    private const int KeyLength = 200;

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<JournalPage> JournalPages => Set<JournalPage>();
    public DbSet<UserTaskRecord> UserTasks => Set<UserTaskRecord>();
    public DbSet<MessageSubscriptionRecord> MessageSubscriptions => Set<MessageSubscriptionRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Model-wide so that every comparison (DueAt <= now) and ORDER BY on a time runs in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<InstanceStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<UserTaskStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<JobStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("Definitions");
            e.HasKey(d => new { d.Key, d.Version });
            e.Property(d => d.Key).HasMaxLength(KeyLength);
            e.Property(d => d.Version).ValueGeneratedNever();
        });

        modelBuilder.Entity<InstanceRecord>(e =>
        {
            e.ToTable("Instances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.DefinitionKey).HasMaxLength(KeyLength);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => new { i.DefinitionKey, i.Status });
        });

        modelBuilder.Entity<JournalPage>(e =>
        {
            e.ToTable("JournalPages");
            e.HasKey(j => j.Id);
            e.Property(j => j.Id).ValueGeneratedOnAdd();
            e.HasIndex(j => j.InstanceId);
        });

        modelBuilder.Entity<UserTaskRecord>(e =>
        {
            e.ToTable("UserTasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Assignee).HasMaxLength(KeyLength);
            e.Property(t => t.DefinitionKey).HasMaxLength(KeyLength);
            // Unbounded like the instance's business key, so no name or key can fail a task's creation.
            e.Property<string>(InboxColumns.SearchText);
            e.Property<DateTimeOffset>(InboxColumns.DueOrder);
            e.HasIndex(t => new { t.Status, t.Assignee });
            e.HasIndex(t => t.InstanceId);
            // The inbox reads open tasks in creation or due order and stops at a page.
            e.HasIndex(nameof(UserTaskRecord.Status), nameof(UserTaskRecord.CreatedAt), nameof(UserTaskRecord.Id));
            e.HasIndex(nameof(UserTaskRecord.Status), InboxColumns.DueOrder, nameof(UserTaskRecord.CreatedAt), nameof(UserTaskRecord.Id));
        });

        modelBuilder.Entity<MessageSubscriptionRecord>(e =>
        {
            e.ToTable("MessageSubscriptions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.MessageName).HasMaxLength(KeyLength);
            e.Property(s => s.CorrelationKey).HasMaxLength(KeyLength);
            e.Property(s => s.DefinitionKey).HasMaxLength(KeyLength);
            e.HasIndex(s => new { s.MessageName, s.CorrelationKey });
            e.HasIndex(s => s.InstanceId);
            e.HasIndex(s => s.DefinitionKey);
        });

        modelBuilder.Entity<TimerRecord>(e =>
        {
            e.ToTable("Timers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.DefinitionKey).HasMaxLength(KeyLength);
            e.HasIndex(t => t.DueAt);
            e.HasIndex(t => t.InstanceId);
            e.HasIndex(t => t.DefinitionKey);
        });

        modelBuilder.Entity<IncidentRecord>(e =>
        {
            e.ToTable("Incidents");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.HasIndex(i => i.InstanceId);
        });

        modelBuilder.Entity<JobRecord>(e =>
        {
            e.ToTable("Jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Id).ValueGeneratedNever();
            e.Property(j => j.ActivityType).HasMaxLength(KeyLength);
            e.Property(j => j.IdempotencyKey).HasMaxLength(KeyLength);
            e.HasIndex(j => new { j.Status, j.CreatedAt });
            e.HasIndex(j => j.InstanceId);
        });
    }
}
