using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RJH.DeviceWorkflows.Host.Infrastructure.Health;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_anonymously_with_every_readiness_check()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();

        var live = await HttpAssert.StatusAsync(await client.GetAsync("/health/live"), HttpStatusCode.OK);
        Assert.Equal("Healthy", live!["status"]!.GetValue<string>());

        using var response = await client.GetAsync("/health/ready");
        var ready = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", ready!["status"]!.GetValue<string>());
        var checks = ready["checks"]!.AsObject();
        Assert.Equal(["adapters", "database", "jobStorage", "startup"], checks.Select(c => c.Key).Order());
        Assert.All(checks, c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));
        Assert.Equal("4 schemas current.", checks["database"]!["description"]!.GetValue<string>());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Ready_fails_while_the_migrations_run_and_live_does_not()
    {
        HealthReport? midway = null;
        await using var factory = new HostFactory().ConfigureTestServices(services =>
        {
            // Runs between the engine's migration and the register's, as a probe arriving then would.
            var engineMigrator = services.Select((d, i) => (d, i))
                .First(x => x.d.ServiceType == typeof(IHostedService) && x.d.ImplementationType?.Name == "StoreMigrator").i;
            services.Insert(engineMigrator + 1, ServiceDescriptor.Singleton<IHostedService>(sp =>
                new Probe(async ct => midway = await sp.GetRequiredService<HealthCheckService>()
                    .CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.Ready), ct))));
        });
        using var client = factory.CreateClient();

        Assert.NotNull(midway);
        Assert.Equal(HealthStatus.Unhealthy, midway.Status);
        Assert.Equal(HealthStatus.Unhealthy, midway.Entries["startup"].Status);
        Assert.Contains("Register: migrations pending", midway.Entries["database"].Description);
        await HttpAssert.StatusAsync(await client.GetAsync("/health/ready"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_lacks_a_migration_this_build_has()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();
        await HttpAssert.StatusAsync(await client.GetAsync("/health/ready"), HttpStatusCode.OK);

        await using (var db = new SqliteConnection($"Data Source={Path.Combine(factory.Directory, "rjh.db")}"))
        {
            await db.OpenAsync();
            await using var delete = db.CreateCommand();
            delete.CommandText = "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        var ready = await HttpAssert.StatusAsync(await client.GetAsync("/health/ready"), HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", ready!["status"]!.GetValue<string>());
        Assert.Contains("migrations pending", ready["checks"]!["database"]!["description"]!.GetValue<string>());
        await HttpAssert.StatusAsync(await client.GetAsync("/health/live"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unreachable_outside_system_degrades_readiness_without_naming_its_address_or_key()
    {
        const string apiKey = "k3y-that-must-not-leak";
        var closedPort = ClosedPort();
        await using var factory = HostFactory.With(null, "Development",
            ("Adapters:Operator:Mode", "Rest"),
            ("Adapters:Operator:Rest:BaseAddress", $"http://127.0.0.1:{closedPort}/rjh/v1/"),
            ("Adapters:Operator:Rest:ApiKey", apiKey));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();
        var ready = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);

        Assert.Equal("Degraded", ready!["status"]!.GetValue<string>());
        Assert.Contains("operator: unreachable", ready["checks"]!["adapters"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain(apiKey, text);
        Assert.DoesNotContain(closedPort.ToString(), text);
        Assert.DoesNotContain("127.0.0.1", text);
        Assert.DoesNotContain("Data Source", text);
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Probe(Func<CancellationToken, Task> run) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => run(cancellationToken);
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
