using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Tests.Support;
using RJH.DeviceWorkflows.Testing;
using Xunit.Abstractions;
using static RJH.DeviceWorkflows.Registry.Tests.Support.Org;

namespace RJH.DeviceWorkflows.Registry.Tests.Services;

/// <summary>
/// Bench scenario (opt-in, <c>RJH_BENCH=1</c>): the device list's searches at 100,000 devices on SQLite and on PostgreSQL,
/// p95 ≤ 100 ms each.
/// A figure on a quiet machine, not a test of every run: a busy build server would make it fail for the wrong reason.
/// <c>RJH_BENCH=1 dotnet test tests/Registry.Tests --filter DeviceSearchBench</c>
/// </summary>
public sealed class DeviceSearchBench(ITestOutputHelper output)
{
    private const int Devices = 100_000;
    private const int Samples = 60;
    private static readonly string[] Models = ["iPhone 15", "iPhone 13", "Galaxy A55", "Galaxy S24", "iPad 10", "Pixel 8"];
    private static readonly string[] Statuses = ["InStock", "Assigned", "Assigned", "Assigned", "InRepair", "Wiped", "OnLoan", "Retired"];
    private static readonly string[] Units = ["AKUT", "AKUT-1", "VC", "OST", "NORR"];
    private static readonly string[] Holders = ["E100", "E200", "E300", "E400", "E500"];

    [SkippableTheory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.PostgreSql)]
    public async Task Searches_at_100_000_devices_answer_within_100_ms_at_p95(DatabaseKind kind)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("RJH_BENCH") == "1", "Bench scenario: set RJH_BENCH=1.");
        await using var db = await TempRegister.CreateAsync(kind).WithOrgAsync();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(kind, db.ConnectionString);
        output.WriteLine($"{kind}: {Devices:N0} devices seeded in {seeding.Elapsed.TotalSeconds:F0} s");

        (string Name, DeviceSearch Search)[] searches =
        [
            ("first page", new DeviceSearch()),
            ("page 100", new DeviceSearch { Offset = 2475 }),
            ("IMEI", new DeviceSearch { Text = TestImei.For(54_321) }),
            ("phone number", new DeviceSearch { Text = "+46701012344" }),
            ("person", new DeviceSearch { Text = "Erik" }),
            ("unit with units below", new DeviceSearch { UnitId = "AKUT" }),
            ("status, newest changed first", new DeviceSearch { Status = DeviceStatus.InRepair, Sort = DeviceSort.Updated, Descending = true }),
            ("type and loan", new DeviceSearch { Type = DeviceType.Tablet, Loan = LoanFilter.OnLoan, Sort = DeviceSort.Imei }),
        ];
        var slow = new List<string>();
        foreach (var (name, search) in searches)
        {
            var times = new List<double>();
            for (var i = 0; i < Samples + 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var page = await db.Search.SearchAsync(Service, search);
                if (i >= 5) times.Add(clock.Elapsed.TotalMilliseconds); // the first ones warm up
                Assert.True(page.Total > 0, name);
            }
            times.Sort();
            var p95 = times[(int)Math.Round(0.95 * (times.Count - 1))];
            output.WriteLine($"{name,-32} p50 {times[times.Count / 2],7:F1} ms  p95 {p95,7:F1} ms");
            if (p95 > 100) slow.Add($"{name}: {p95:F0} ms");
        }
        Assert.True(slow.Count == 0, "p95 over 100 ms: " + string.Join(", ", slow));
    }

    /// <summary>Rows straight into the database (the register's own writes would take minutes for this many).</summary>
    private static async Task SeedAsync(DatabaseKind kind, string connectionString)
    {
        await using DbConnection connection = kind == DatabaseKind.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // SQLite keeps a Guid as upper-case text, PostgreSQL as uuid; times are ticks (bigint) on both.
        object Id(Guid id) => kind == DatabaseKind.PostgreSql ? id : id.ToString().ToUpperInvariant();
        var device = Command(connection, transaction, """
            INSERT INTO "Devices" ("Id", "Imei", "Serial", "Model", "Type", "Ownership", "MdmState", "ManagedAccount", "ActivationLock",
                "Status", "UnitId", "AssignedToEmployeeId", "InLoanPool", "CreatedAt", "UpdatedAt")
            VALUES (@id, @imei, @serial, @model, @type, 'Bought', 'Enrolled', @managed, 'Off', @status, @unit, @holder, @pool, @at, @at)
            """);
        var subscription = Command(connection, transaction, """
            INSERT INTO "Subscriptions" ("Id", "Msisdn", "Operator", "Sim", "Usage", "Status", "DeviceId", "CreatedAt", "UpdatedAt")
            VALUES (@id, @msisdn, 'Telia', 'Sim', 'Voice', 'Active', @device, @at, @at)
            """);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var n = 0; n < Devices; n++)
        {
            var id = Guid.NewGuid();
            var status = Statuses[n % Statuses.Length];
            Set(device, ("id", Id(id)), ("imei", TestImei.For(n)), ("serial", $"SN{n:D7}"), ("model", Models[n % Models.Length]),
                ("type", n % 7 == 0 ? "Tablet" : "Phone"), ("managed", true), ("status", status),
                ("unit", n % 3 == 0 ? Units[n % Units.Length] : DBNull.Value),
                ("holder", status is "Assigned" or "OnLoan" ? Holders[n % Holders.Length] : DBNull.Value),
                ("pool", status == "OnLoan"), ("at", start + n * TimeSpan.TicksPerMinute));
            await device.ExecuteNonQueryAsync();
            if (n % 2 != 0) continue;
            Set(subscription, ("id", Id(Guid.NewGuid())), ("msisdn", $"+4670{1_000_000 + n:D7}"), ("device", Id(id)), ("at", start));
            await subscription.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(DbCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
