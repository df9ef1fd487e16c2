using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Orders;

namespace RJH.DeviceWorkflows.Registry.Persistence;

/// <summary>The register's tables, beside the engine's and the policies' in the same database, with their own migrations.</summary>
internal abstract class RegisterDbContext(DbContextOptions options) : DbContext(options)
{
    private const int IdLength = 64;
    private const int NameLength = 200;
    private const int EnumLength = 32;

    public DbSet<UnitRecord> Units => Set<UnitRecord>();
    public DbSet<PersonRecord> People => Set<PersonRecord>();
    public DbSet<DeviceRecord> Devices => Set<DeviceRecord>();
    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();
    public DbSet<ExtensionRecord> Extensions => Set<ExtensionRecord>();
    public DbSet<AssignmentRecord> Assignments => Set<AssignmentRecord>();
    public DbSet<DeviceOrderRecord> DeviceOrders => Set<DeviceOrderRecord>();
    public DbSet<LoanPoolMinimumRecord> LoanPoolMinimums => Set<LoanPoolMinimumRecord>();
    public DbSet<LoanPoolSiteAlertRecord> LoanPoolSiteAlerts => Set<LoanPoolSiteAlertRecord>();
    public DbSet<RegisterAuditRecord> Audit => Set<RegisterAuditRecord>();
    public DbSet<RegisterOperationRecord> Operations => Set<RegisterOperationRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // As in the engine: instants as UTC ticks so SQLite can compare and order them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        // Enums by name: readable in the database and safe when members are added in the middle.
        foreach (var type in new[] { typeof(OrgLevel), typeof(RolloutMode), typeof(DeviceType), typeof(DeviceStatus),
                     typeof(Ownership), typeof(MdmState), typeof(ActivationLock), typeof(SimKind), typeof(SubscriptionUsage),
                     typeof(SubscriptionStatus), typeof(ExtensionStatus), typeof(AssignmentKind), typeof(OrderedDeviceType),
                     typeof(DeviceOrderStatus) })
            configurationBuilder.Properties(type).HaveConversion<string>().HaveMaxLength(EnumLength);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitRecord>(e =>
        {
            e.ToTable("Units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasMaxLength(IdLength);
            e.Property(u => u.Name).HasMaxLength(NameLength);
            e.Property(u => u.ParentId).HasMaxLength(IdLength);
            e.Property(u => u.ManagerEmployeeId).HasMaxLength(IdLength);
            e.HasIndex(u => u.ParentId);
            e.HasIndex(u => u.ManagerEmployeeId);
        });

        modelBuilder.Entity<PersonRecord>(e =>
        {
            e.ToTable("People");
            e.HasKey(p => p.EmployeeId);
            e.Property(p => p.EmployeeId).HasMaxLength(IdLength);
            e.Property(p => p.UserName).HasMaxLength(NameLength);
            e.Property(p => p.Name).HasMaxLength(NameLength);
            e.Property(p => p.Email).HasMaxLength(NameLength);
            e.Property(p => p.UnitId).HasMaxLength(IdLength);
            e.Property(p => p.ManagerEmployeeId).HasMaxLength(IdLength);
            e.Property(p => p.Roles).HasMaxLength(NameLength);
            e.Property(p => p.WorkDays).HasMaxLength(NameLength);
            e.Property(p => p.TimeZoneId).HasMaxLength(IdLength);
            e.HasIndex(p => p.UserName).IsUnique();
            e.HasIndex(p => p.UnitId);
        });

        modelBuilder.Entity<DeviceRecord>(e =>
        {
            e.ToTable("Devices");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Imei).HasMaxLength(15);
            e.Property(d => d.Serial).HasMaxLength(IdLength);
            e.Property(d => d.Model).HasMaxLength(NameLength);
            e.Property(d => d.MdmDeviceId).HasMaxLength(IdLength);
            e.Property(d => d.PriceSek).HasPrecision(12, 2);
            e.Property(d => d.StatusReason).HasMaxLength(500);
            e.Property(d => d.UnitId).HasMaxLength(IdLength);
            e.Property(d => d.AssignedToEmployeeId).HasMaxLength(IdLength);
            e.Property(d => d.LoanPoolSite).HasMaxLength(NameLength);
            e.HasIndex(d => d.Imei).IsUnique();
            e.HasIndex(d => d.Serial).IsUnique();
            // Counts by status and type, and a reservation's "oldest phone in stock": read in order from the index,
            // not a sort of every device in stock for each order placed.
            e.HasIndex(d => new { d.Status, d.Type, d.CreatedAt, d.Id });
            e.HasIndex(d => d.AssignedToEmployeeId);
            e.HasIndex(d => d.UnitId);
            // The device list's default sort and its "recently changed" sort: a page is read from the index, not sorted.
            e.HasIndex(d => new { d.Model, d.Id });
            e.HasIndex(d => new { d.UpdatedAt, d.Id });
            // Servicecenter's daily question, "what is in repair (or in stock), newest changed first": one status's
            // rows walked in that order, so a page of a status with ten thousand devices is not a sort of all of them.
            e.HasIndex(d => new { d.Status, d.UpdatedAt, d.Id });
        });

        modelBuilder.Entity<SubscriptionRecord>(e =>
        {
            e.ToTable("Subscriptions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.Msisdn).HasMaxLength(16);
            e.Property(s => s.Operator).HasMaxLength(NameLength);
            e.Property(s => s.OperatorSubscriptionId).HasMaxLength(IdLength);
            e.Property(s => s.EmployeeId).HasMaxLength(IdLength);
            e.HasIndex(s => s.Msisdn);
            e.HasIndex(s => s.EmployeeId);
            e.HasIndex(s => s.DeviceId);
        });

        modelBuilder.Entity<ExtensionRecord>(e =>
        {
            e.ToTable("Extensions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(IdLength);
            e.Property(x => x.Switchboard).HasMaxLength(NameLength);
            e.Property(x => x.SwitchboardExtensionId).HasMaxLength(IdLength);
            e.Property(x => x.EmployeeId).HasMaxLength(IdLength);
            e.HasIndex(x => x.Number);
            e.HasIndex(x => x.EmployeeId);
        });

        modelBuilder.Entity<AssignmentRecord>(e =>
        {
            e.ToTable("Assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.EmployeeId).HasMaxLength(IdLength);
            e.HasIndex(a => new { a.Kind, a.ItemId });
            e.HasIndex(a => a.EmployeeId);
        });

        modelBuilder.Entity<DeviceOrderRecord>(e =>
        {
            e.ToTable("DeviceOrders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.EmployeeId).HasMaxLength(IdLength);
            e.Property(o => o.Reason).HasMaxLength(EnumLength);
            e.Property(o => o.Payer).HasMaxLength(IdLength);
            e.Property(o => o.CostCenter).HasMaxLength(IdLength);
            e.HasIndex(o => new { o.EmployeeId, o.Status });
        });

        modelBuilder.Entity<LoanPoolMinimumRecord>(e =>
        {
            e.ToTable("LoanPoolMinimums");
            e.HasKey(m => m.Model);
            e.Property(m => m.Model).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<LoanPoolSiteAlertRecord>(e =>
        {
            e.ToTable("LoanPoolSiteAlerts");
            e.HasKey(a => a.Site);
            e.Property(a => a.Site).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<RegisterAuditRecord>(e =>
        {
            e.ToTable("RegisterAudit");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Entity).HasMaxLength(EnumLength);
            e.Property(a => a.EntityId).HasMaxLength(IdLength);
            e.Property(a => a.Action).HasMaxLength(IdLength);
            e.Property(a => a.Actor).HasMaxLength(NameLength);
            e.Property(a => a.UnitId).HasMaxLength(IdLength);
            e.HasIndex(a => new { a.Entity, a.EntityId });
        });

        modelBuilder.Entity<RegisterOperationRecord>(e =>
        {
            e.ToTable("RegisterOperations");
            e.HasKey(o => o.Key);
            e.Property(o => o.Key).HasMaxLength(NameLength);
            e.Property(o => o.Operation).HasMaxLength(IdLength);
        });
    }
}

// One context type per database product, so each product's migrations (Migrations/<Product>) are tied
// by [DbContext] to its own type; the model is the same for all three.
internal sealed class SqliteRegisterDbContext(DbContextOptions<SqliteRegisterDbContext> options) : RegisterDbContext(options);

internal sealed class PostgresRegisterDbContext(DbContextOptions<PostgresRegisterDbContext> options) : RegisterDbContext(options);

internal sealed class SqlServerRegisterDbContext(DbContextOptions<SqlServerRegisterDbContext> options) : RegisterDbContext(options);
