using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Engine_commands_are_counted_by_outcome_and_nothing_is_exported_unless_configured()
    {
        await using var factory = new HostFactory();
        await factory.DeployAsync(Bpmn.ManagerApproval);
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var commands = new List<(string Command, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "rjh.engine.commands") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            lock (commands) commands.Add((tagged["rjh.command"]!, tagged["rjh.outcome"]!));
        });
        listener.Start();

        using var manager = await factory.ClientFor("anna.chef");
        await manager.StartInstanceAsync("manager-approval");
        using var employee = await factory.ClientFor("erik.anstalld");
        using var refused = await employee.PostAsJsonAsync("/api/instances", new { definitionKey = "manager-approval" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        lock (commands)
        {
            Assert.Contains(("start", "ok"), commands);
            Assert.Contains(("start", "refused"), commands);
        }
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_a_collector_configured_a_request_is_traced_through_the_engine_and_the_database()
    {
        var spans = new List<Activity>();
        await using var factory = HostFactory.With(null, "Development", ("Telemetry:OtlpEndpoint", "http://127.0.0.1:9/"))
            .ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
        await factory.DeployAsync(Bpmn.ManagerApproval);
        using var manager = await factory.ClientFor("anna.chef");

        await manager.StartInstanceAsync("manager-approval");
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Activity[] finished;
        lock (spans) finished = [.. spans];
        var names = string.Join(", ", finished.Select(s => $"{s.Source.Name}:{s.DisplayName}").Distinct());
        // Spans are collected process-wide, so other tests' requests may be among them: one of the starts must
        // carry the engine's command and the database calls in its own trace.
        var requests = finished.Where(s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST /api/instances", StringComparison.Ordinal)).ToList();
        Assert.True(requests.Count > 0, names);
        Assert.Contains(requests, request =>
            finished.Any(s => s.TraceId == request.TraceId && s.DisplayName == "engine start")
            && finished.Any(s => s.TraceId == request.TraceId && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)));
    }
}
