using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using RJH.DeviceWorkflows.Data;

namespace RJH.DeviceWorkflows.Testing;

/// <summary>
/// The test run's own PostgreSQL server: a cluster made with Debian's initdb in a temp folder on first
/// use, listening on a free loopback port without passwords, stopped and deleted when the run ends
/// (<see cref="TestRunHooks"/>). Each test gets its own database in it (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresCluster
{
    public const string SkipVariable = "RJH_SKIP_POSTGRES";
    // Debian installs each major version's server programs in /usr/lib/postgresql/<major>/bin.
    private const string Installations = "/usr/lib/postgresql";

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(() => Task.Run(StartAsync));

    private readonly string folder;
    private readonly string pgCtl;
    private readonly string adminConnectionString;

    private PostgresCluster(string folder, string pgCtl, int port)
    {
        this.folder = folder;
        this.pgCtl = pgCtl;
        Port = port;
        adminConnectionString = ConnectionString("postgres");
    }

    public int Port { get; }

    public static bool SkipRequested => Environment.GetEnvironmentVariable(SkipVariable) == "1";

    /// <summary>The run's cluster, started by the first caller; every later caller gets the same one (or its failure).</summary>
    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>Drops the database, after closing this process's pooled connections to it (they would fail when next used).</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        ClearPools(connectionString);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>
    /// Closes this process's pooled connections to a database: those on the connection string itself and those of the
    /// product's contexts, whose connection string has settings added (<see cref="DatabaseProvider.PostgresConnectionString"/>).
    /// </summary>
    public static void ClearPools(string connectionString)
    {
        foreach (var pool in new[] { connectionString, DatabaseProvider.PostgresConnectionString(connectionString) }.Distinct())
        {
            using var pooled = new NpgsqlConnection(pool);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        // No pooling: the admin connection must not hold on to a database another statement drops.
        await using var connection = new NpgsqlConnection(adminConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinaries();
        var root = Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
        StopLeftovers(root, bin);

        var folder = Path.Combine(root, "rjh-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString());
        try
        {
            // PostgreSQL refuses to run as root: the cluster then belongs to the postgres user.
            if (Environment.IsPrivilegedProcess)
                Run("chown", ["postgres", folder]);
            RunAsServerUser($"'{bin}/initdb' -D '{folder}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");

            var pgCtl = Path.Combine(bin, "pg_ctl");
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                // Durability settings off: the cluster lives for one test run, and they make commits cheap.
                var settings = $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=300 "
                    + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
                try
                {
                    RunAsServerUser($"'{pgCtl}' -D '{folder}/data' -l '{folder}/server.log' -o '{settings}' -w -t 60 start");
                    return new PostgresCluster(folder, pgCtl, port);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Most likely another process took the port between our probe and the server's bind.
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    private static string FindBinaries()
    {
        var bin = Directory.Exists(Installations)
            ? Directory.GetDirectories(Installations)
                .Select(version => Path.Combine(version, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need initdb and pg_ctl under {Installations}/*/bin, and there are none: install Debian's " +
            $"postgresql package (apt-get install postgresql). To skip these tests instead, set {SkipVariable}=1.");
    }

    /// <summary>Stops and deletes clusters of earlier runs whose test process died before it could.</summary>
    private static void StopLeftovers(string root, string bin)
    {
        foreach (var old in Directory.GetDirectories(root, "rjh-pg-*"))
        {
            if (!int.TryParse(ReadOrNull(Path.Combine(old, "owner.pid")), out var pid) || IsRunning(pid))
                continue;
            try { RunAsServerUser($"'{bin}/pg_ctl' -D '{old}/data' -m immediate stop"); }
            catch (InvalidOperationException) { /* not running */ }
            TryDelete(old);
        }
    }

    /// <summary>Stops and deletes the cluster if this run started one. Called once, when the run ends.</summary>
    public static void StopIfStarted()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
            Shared.Value.Result.Stop();
    }

    private void Stop()
    {
        try { RunAsServerUser($"'{pgCtl}' -D '{folder}/data' -m immediate stop"); }
        catch (InvalidOperationException) { /* already gone: nothing to stop */ }
        TryDelete(folder);
    }

    private static void RunAsServerUser(string command)
    {
        if (Environment.IsPrivilegedProcess)
            Run("su", ["postgres", "-s", "/bin/sh", "-c", command]);
        else
            Run("/bin/sh", ["-c", command]);
    }

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish in 90 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? ReadOrNull(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { /* a leftover temp folder is not worth failing the run for */ }
        catch (UnauthorizedAccessException) { }
    }
}
