using RJH.DeviceWorkflows.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
    /// <summary>The longest user name the engine stores where it is searched (an Entra UPN fits).</summary>
    public const int UserNameLength = KeyLength;

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
        if (Database.IsNpgsql())
            modelBuilder.HasPostgresExtension("pg_trgm");
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
            e.Property(i => i.StartedFor).HasMaxLength(UserNameLength);
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
            e.Property<string>(InboxColumns.RoleList);
            e.HasIndex(t => t.InstanceId);
            InboxIndexes(e);
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
            e.Property(i => i.ErrorCode).HasMaxLength(KeyLength);
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

    /// <summary>
    /// The inbox reads open tasks in creation or due order and stops at a page, then counts what matched.
    /// SQLite cannot look into a row without reading it, so its order indexes carry every column a filter
    /// tests (the walk to a page, and a search that matches one task in 100,000, never touch the table) and the
    /// count has a covering index of its own. PostgreSQL and SQL Server keep the order indexes narrow, the
    /// count's index carries the role list and due time as included columns (an index-only count), and
    /// PostgreSQL finds free text through a trigram index (pg_trgm, a trusted extension the migration creates).
    /// </summary>
    private void InboxIndexes(EntityTypeBuilder<UserTaskRecord> e)
    {
        const string status = nameof(UserTaskRecord.Status), assignee = nameof(UserTaskRecord.Assignee),
            process = nameof(UserTaskRecord.DefinitionKey), created = nameof(UserTaskRecord.CreatedAt), id = nameof(UserTaskRecord.Id);
        if (Database.IsSqlite())
        {
            string[] tested = [assignee, InboxColumns.RoleList, process, InboxColumns.DueOrder, InboxColumns.SearchText];
            e.HasIndex([status, assignee, process, InboxColumns.RoleList, InboxColumns.DueOrder], InboxFilterIndex);
            e.HasIndex([status, created, id, .. tested], InboxCreatedIndex);
            e.HasIndex([status, InboxColumns.DueOrder, created, id, .. tested.Where(c => c != InboxColumns.DueOrder)], InboxDueIndex);
            return;
        }
        var filter = e.HasIndex([status, assignee, process], InboxFilterIndex);
        if (Database.IsNpgsql())
            NpgsqlIndexBuilderExtensions.IncludeProperties(filter, InboxColumns.RoleList, InboxColumns.DueOrder);
        else
            SqlServerIndexBuilderExtensions.IncludeProperties(filter, InboxColumns.RoleList, InboxColumns.DueOrder);
        e.HasIndex([status, created, id], InboxCreatedIndex);
        e.HasIndex([status, InboxColumns.DueOrder, created, id], InboxDueIndex);
        if (Database.IsNpgsql())
            e.HasIndex([InboxColumns.SearchText], "IX_UserTasks_SearchText_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    private const string InboxFilterIndex = "IX_UserTasks_Inbox_Filter";
    private const string InboxCreatedIndex = "IX_UserTasks_Inbox_Created";
    private const string InboxDueIndex = "IX_UserTasks_Inbox_Due";
}
