using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using RJH.DeviceWorkflows.Engine.Model;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Http;

/// <summary>Each error the engine reports becomes one problem status, in one place for every endpoint.</summary>
public sealed class ExceptionMappingTests(HostFactory factory) : IClassFixture<HostFactory>
{
    public static TheoryData<string, HttpStatusCode> Errors => new()
    {
        { nameof(NotFoundException), HttpStatusCode.NotFound },
        { nameof(ForbiddenException), HttpStatusCode.Forbidden },
        { nameof(ConflictException), HttpStatusCode.Conflict },
        { nameof(InvalidRequestException), HttpStatusCode.BadRequest },
        { nameof(ConcurrencyConflictException), HttpStatusCode.Conflict },
        { nameof(InvalidOperationException), HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Engine_error_becomes_a_problem_with_its_status(string error, HttpStatusCode expected)
    {
        using var host = With(() => error switch
        {
            nameof(NotFoundException) => new NotFoundException("No such thing."),
            nameof(ForbiddenException) => new ForbiddenException("Not yours."),
            nameof(ConflictException) => new ConflictException("Already done."),
            nameof(InvalidRequestException) => new InvalidRequestException("Bad."),
            nameof(ConcurrencyConflictException) => new ConcurrencyConflictException("Raced."),
            _ => new InvalidOperationException("secret internals"),
        });
        using var client = await host.ClientFor("admin");

        var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = "any" });

        var problem = await HttpAssert.ProblemAsync(response, expected);
        if (expected == HttpStatusCode.InternalServerError)
            Assert.DoesNotContain("secret internals", problem.ToJsonString());
        else
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Invalid_definition_is_400_with_errors_naming_element_and_line()
    {
        using var host = With(() => new InvalidDefinitionException(
            [new Diagnostic("Gateway_Complex", 7, "complexGateway is not supported."), new Diagnostic(null, 1, "Whole file.")]));
        using var client = await host.ClientFor("process.owner");

        var response = await client.PostAsync("/api/definitions", HostFactoryExtensions.Xml(Bpmn.UnsupportedElement));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var first = problem["errors"]!.AsArray()[0]!.AsObject();
        Assert.Equal(["elementId", "line", "message"], first.Select(p => p.Key));
        Assert.Equal("Gateway_Complex", first["elementId"]!.GetValue<string>());
        Assert.Equal(7, first["line"]!.GetValue<int>());
        Assert.Equal(2, problem["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Completing_a_task_needs_no_body()
    {
        using var host = With(() => new NotFoundException("No task."));
        using var client = await host.ClientFor("anna.chef");

        var response = await client.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", content: null);

        // 404 from the engine shows the request got past binding (not 400/415 for the missing body).
        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private WebApplicationFactory<Program> With(Func<Exception> failure) =>
        factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => new FailingEngine(failure).Register(services)));
}
