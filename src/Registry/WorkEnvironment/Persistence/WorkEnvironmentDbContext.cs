using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

/// <summary>Risk assessments, remote-work agreements, their audit trail and used operation keys: own tables, own migrations.</summary>
internal abstract class WorkEnvironmentDbContext(DbContextOptions options) : DbContext(options)
{
    public const int IdLength = 64;
    public const int NameLength = 200;
    public const int StatusLength = 16;
    public const int OperationKeyLength = 200;
    private const int TextLength = 2000;

    public DbSet<RiskAssessmentRecord> RiskAssessments => Set<RiskAssessmentRecord>();
    public DbSet<RemoteWorkAgreementRecord> RemoteWorkAgreements => Set<RemoteWorkAgreementRecord>();
    public DbSet<WorkEnvironmentAuditRecord> Audit => Set<WorkEnvironmentAuditRecord>();
    public DbSet<ProcessedOperationRecord> ProcessedOperations => Set<ProcessedOperationRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As elsewhere: instants as UTC ticks so SQLite can compare and order them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RiskAssessmentRecord>(e =>
        {
            e.ToTable("RiskAssessments");
            e.HasKey(r => r.Id);
            e.Property(r => r.ScopeUnitId).HasMaxLength(IdLength);
            e.Property(r => r.ScopeUnitName).HasMaxLength(NameLength);
            e.Property(r => r.ScopeLevel).HasConversion<string>().HasMaxLength(StatusLength);
            e.Property(r => r.Title).HasMaxLength(NameLength);
            e.Property(r => r.Description).HasMaxLength(TextLength);
            e.Property(r => r.Status).HasMaxLength(StatusLength);
            e.Property(r => r.RejectionComment).HasMaxLength(TextLength);
            e.Property(r => r.CreatedBy).HasMaxLength(NameLength);
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.Ignore(r => r.AuditUnitId);
            e.HasIndex(r => new { r.ScopeUnitId, r.Status });
        });

        modelBuilder.Entity<RemoteWorkAgreementRecord>(e =>
        {
            e.ToTable("RemoteWorkAgreements");
            e.HasKey(a => a.Id);
            e.Property(a => a.EmployeeId).HasMaxLength(IdLength);
            e.Property(a => a.EmployeeName).HasMaxLength(NameLength);
            e.Property(a => a.UnitId).HasMaxLength(IdLength);
            e.Property(a => a.PersonalNumberMasked).HasMaxLength(StatusLength);
            e.Property(a => a.Workplace).HasMaxLength(NameLength);
            e.Property(a => a.NoticeUnit).HasMaxLength(StatusLength);
            e.Property(a => a.Status).HasMaxLength(StatusLength);
            e.Property(a => a.ApprovedBy).HasMaxLength(NameLength);
            e.Property(a => a.TerminatedBy).HasMaxLength(NameLength);
            e.Property(a => a.TerminationReason).HasMaxLength(TextLength);
            e.Property(a => a.CreatedBy).HasMaxLength(NameLength);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.Ignore(a => a.AuditUnitId);
            e.HasIndex(a => new { a.EmployeeId, a.Status });
        });

        modelBuilder.Entity<WorkEnvironmentAuditRecord>(e =>
        {
            e.ToTable("WorkEnvironmentAudit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Entity).HasMaxLength(32);
            e.Property(a => a.EntityId).HasMaxLength(IdLength);
            e.Property(a => a.UnitId).HasMaxLength(IdLength);
            e.Property(a => a.Action).HasMaxLength(32);
            e.Property(a => a.Actor).HasMaxLength(NameLength);
            e.HasIndex(a => new { a.Entity, a.EntityId });
            e.HasIndex(a => a.UnitId);
        });

        modelBuilder.Entity<ProcessedOperationRecord>(e =>
        {
            e.ToTable("WorkEnvironmentOperations");
            e.HasKey(o => o.Key);
            e.Property(o => o.Key).HasMaxLength(OperationKeyLength);
            e.Property(o => o.Operation).HasMaxLength(64);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only: a bug that edits or deletes an entry fails instead of rewriting history.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<WorkEnvironmentAuditRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Work-environment audit entries are append-only.");
    }
}

// One context type per database product, so each product's migrations (Migrations/<Product>) are tied
// by [DbContext] to its own type; the model is the same for all three.
internal sealed class SqliteWorkEnvironmentDbContext(DbContextOptions<SqliteWorkEnvironmentDbContext> options) : WorkEnvironmentDbContext(options);

internal sealed class PostgresWorkEnvironmentDbContext(DbContextOptions<PostgresWorkEnvironmentDbContext> options) : WorkEnvironmentDbContext(options);

internal sealed class SqlServerWorkEnvironmentDbContext(DbContextOptions<SqlServerWorkEnvironmentDbContext> options) : WorkEnvironmentDbContext(options);
