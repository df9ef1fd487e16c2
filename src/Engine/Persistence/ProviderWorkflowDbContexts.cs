using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Engine.Persistence;

// One context type per database product, so each product's migrations (Migrations/<Product>) are
// tied by [DbContext] to its own type and EF never mixes them. The model is the same for all three.

internal sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);

internal sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options);

internal sealed class SqlServerWorkflowDbContext(DbContextOptions<SqlServerWorkflowDbContext> options) : WorkflowDbContext(options);
