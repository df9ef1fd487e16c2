using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Rules.Persistence;

/// <summary>The policy tables, beside the engine's in the same database but with their own migrations.</summary>
internal abstract class PolicyDbContext(DbContextOptions options) : DbContext(options)
{
    private const int SetLength = 64;
    private const int ActorLength = 200;

    public DbSet<PolicyVersionRecord> Versions => Set<PolicyVersionRecord>();
    public DbSet<PolicyAuditRecord> Audit => Set<PolicyAuditRecord>();
    public DbSet<PolicyDecisionRecord> Decisions => Set<PolicyDecisionRecord>();
    public DbSet<PolicyTestCasesRecord> TestCases => Set<PolicyTestCasesRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As in the engine: instants as UTC ticks so SQLite can compare and order them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PolicyVersionRecord>(e =>
        {
            e.ToTable("PolicyVersions");
            e.HasKey(v => new { v.Set, v.Version });
            e.Property(v => v.Set).HasMaxLength(SetLength);
            e.Property(v => v.Version).ValueGeneratedNever();
            e.Property(v => v.SavedBy).HasMaxLength(ActorLength);
            e.Property(v => v.PublishedBy).HasMaxLength(ActorLength);
            e.Property(v => v.PublishNote).HasMaxLength(PolicyNote.MaxLength);
            e.HasIndex(v => new { v.Set, v.Published });
        });

        modelBuilder.Entity<PolicyAuditRecord>(e =>
        {
            e.ToTable("PolicyAudit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Set).HasMaxLength(SetLength);
            e.Property(a => a.Action).HasMaxLength(16);
            e.Property(a => a.Actor).HasMaxLength(ActorLength);
            e.Property(a => a.Note).HasMaxLength(PolicyNote.MaxLength);
            e.HasIndex(a => new { a.Set, a.Version });
        });

        modelBuilder.Entity<PolicyDecisionRecord>(e =>
        {
            e.ToTable("PolicyDecisions");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedOnAdd();
            e.Property(d => d.Set).HasMaxLength(SetLength);
            e.Property(d => d.Outcome).HasMaxLength(64);
            e.Property(d => d.ElementId).HasMaxLength(ActorLength);
            // Per instance (the instance page), per set version and the latest of a set (impact preview).
            e.HasIndex(d => new { d.InstanceId, d.Id });
            e.HasIndex(d => new { d.Set, d.Version, d.Id });
            e.HasIndex(d => new { d.Set, d.Id });
        });

        modelBuilder.Entity<PolicyTestCasesRecord>(e =>
        {
            e.ToTable("PolicyTestCases");
            e.HasKey(t => t.Set);
            e.Property(t => t.Set).HasMaxLength(SetLength);
            e.Property(t => t.SavedBy).HasMaxLength(ActorLength);
        });
    }
}

// One context type per database product, so each product's migrations (Migrations/<Product>) are tied
// by [DbContext] to its own type; the model is the same for all three.
internal sealed class SqlitePolicyDbContext(DbContextOptions<SqlitePolicyDbContext> options) : PolicyDbContext(options);

internal sealed class PostgresPolicyDbContext(DbContextOptions<PostgresPolicyDbContext> options) : PolicyDbContext(options);

internal sealed class SqlServerPolicyDbContext(DbContextOptions<SqlServerPolicyDbContext> options) : PolicyDbContext(options);
