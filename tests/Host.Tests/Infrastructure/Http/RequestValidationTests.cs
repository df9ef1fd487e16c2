using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Http;

/// <summary>
/// The Host's own checks, with the engine replaced by <see cref="FailingEngine.Unreachable"/>: each bad request
/// must be refused with a problem before the engine is called.
/// </summary>
public sealed class RequestValidationTests : IClassFixture<HostFactory>
{
    private readonly ControllableTimeProvider clock = new();
    private readonly WebApplicationFactory<Program> host;

    public RequestValidationTests(HostFactory factory) => host = factory.WithWebHostBuilder(web =>
        web.ConfigureTestServices(services => WithoutEngine(services).AddSingleton<TimeProvider>(clock)));

    [Theory]
    [InlineData("{\"businessKey\":\"x\"}", "definitionKey")]
    [InlineData("{\"definitionKey\":\"  \"}", "definitionKey")]
    public async Task Start_without_definition_key_is_400(string json, string field)
    {
        var problem = await HttpAssert.ProblemAsync(await Post("erik.anstalld", "/api/instances", json), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/instances", "{\"definitionKey\":")]
    [InlineData("/api/instances", "{\"definitionKey\":\"a\",\"variables\":[1,2]}")]
    [InlineData("/api/tasks/5b0f3c1e-8f3e-4c4b-9a7e-2f1d0c9b8a71/complete", "{\"variables\":\"text\"}")]
    [InlineData("/api/messages", "not json")]
    [InlineData("/api/admin/clock", "")]
    public async Task Bad_json_is_400_problem(string path, string json) =>
        await HttpAssert.ProblemAsync(await Post("admin", path, json), HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("Sleeping")]
    [InlineData("7")]
    public async Task Unknown_instance_status_is_400(string status)
    {
        using var client = await host.ClientFor("admin");
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/api/instances?status={status}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["status"]);
    }

    [Fact]
    public async Task Malformed_instance_id_in_query_is_400()
    {
        using var client = await host.ClientFor("admin");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/tasks?instanceId=nope"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_id_in_route_is_404()
    {
        using var client = await host.ClientFor("admin");
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/instances/nope"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Message_without_name_is_400()
    {
        var problem = await HttpAssert.ProblemAsync(
            await Post("sam.service", "/api/messages", "{\"correlationKey\":\"U1\"}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task Definition_that_is_not_xml_is_415()
    {
        using var client = await host.ClientFor("process.owner");
        var response = await client.PostAsync("/api/definitions", new StringContent(Bpmn.TimerWait, Encoding.UTF8, "text/plain"));
        await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Definition_over_2_MB_is_413()
    {
        using var client = await host.ClientFor("process.owner");
        var huge = Bpmn.TimerWait.Replace("</bpmn:definitions>", $"<!-- {new string('x', 2 * 1024 * 1024)} --></bpmn:definitions>");
        await HttpAssert.ProblemAsync(await client.PostAsync("/api/definitions", HostFactoryExtensions.Xml(huge)),
            HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Empty_definition_is_400()
    {
        using var client = await host.ClientFor("process.owner");
        await HttpAssert.ProblemAsync(await client.PostAsync("/api/definitions", HostFactoryExtensions.Xml("")),
            HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-PT1H")]
    [InlineData("")]
    public async Task Clock_advance_that_is_not_a_forward_duration_is_400(string advance)
    {
        using var client = await host.ClientFor("admin");
        var problem = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/admin/clock", new { advance }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["advance"]);
    }

    [Fact]
    public async Task Clock_advance_moves_the_controllable_clock()
    {
        using var client = await host.ClientFor("admin");
        var before = clock.GetUtcNow();

        var body = await HttpAssert.StatusAsync(await client.PostAsJsonAsync("/api/admin/clock", new { advance = "P1DT2H" }),
            HttpStatusCode.OK);

        Assert.True(body!["now"]!.GetValue<DateTimeOffset>() >= before + TimeSpan.FromHours(26));
        Assert.Equal(0, body["firedTimers"]!.GetValue<int>());
        var read = await HttpAssert.StatusAsync(await client.GetAsync("/api/admin/clock"), HttpStatusCode.OK);
        Assert.True(read!["now"]!.GetValue<DateTimeOffset>() >= before + TimeSpan.FromHours(26));
    }

    [Fact]
    public async Task Clock_is_404_when_not_controllable()
    {
        using var fixedClock = host.WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddSingleton(TimeProvider.System)));
        using var client = await fixedClock.ClientFor("admin");

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/admin/clock"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/api/admin/clock", new { advance = "PT1H" }),
            HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> Post(string user, string path, string json)
    {
        using var client = await host.ClientFor(user);
        return await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private static IServiceCollection WithoutEngine(IServiceCollection services) =>
        FailingEngine.Unreachable.Register(services);
}
