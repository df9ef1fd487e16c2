using System.Net;
using System.Net.Http.Json;
using System.Text;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>Issue 13, hole 9: the smaller leaks and faults found by probing the API.</summary>
public sealed class SmallHolesTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Claiming_a_held_task_names_the_holder_only_to_those_who_may_see_it()
    {
        await factory.DeployAsync(Bpmn.ManagerApproval);
        using var anna = await factory.ClientFor("anna.chef");
        var instance = await anna.StartInstanceAsync("manager-approval", new { amount = 10 });
        var task = Assert.Single(await HttpAssert.ArrayAsync(await anna.GetAsync($"/api/tasks?instanceId={instance["id"]}")))!;
        await HttpAssert.StatusAsync(await anna.PostAsync($"/api/tasks/{task["id"]}/claim", null), HttpStatusCode.OK);
        using var erik = await factory.ClientFor("erik.anstalld");
        using var olle = await factory.ClientFor("olle.chef");

        var stranger = await HttpAssert.ProblemAsync(await erik.PostAsync($"/api/tasks/{task["id"]}/claim", null), HttpStatusCode.Forbidden);
        var colleague = await HttpAssert.ProblemAsync(await olle.PostAsync($"/api/tasks/{task["id"]}/claim", null), HttpStatusCode.Conflict);

        Assert.DoesNotContain("anna.chef", stranger.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("anna.chef", colleague["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-no-such-charset")]
    public async Task A_bpmn_upload_in_an_unsupported_charset_is_415(string charset)
    {
        using var owner = await factory.ClientFor("process.owner");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Bpmn.ManagerApproval));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/xml; charset={charset}");

        await HttpAssert.ProblemAsync(await owner.PostAsync("/api/definitions", content), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_error_about_a_huge_value_does_not_echo_it()
    {
        using var erik = await factory.ClientFor("erik.anstalld");
        var facts = Features.PolicyRules.PolicyEndpointTests.Facts("Replacement", deviceType: new string('A', 1024 * 1024));

        var response = await erik.PostAsync("/api/policies/entitlement/evaluate",
            new StringContent(facts.ToJsonString(), Encoding.UTF8, "application/json"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.ToJsonString().Length < 4096, $"the error body is {problem.ToJsonString().Length} characters");
    }

    [Fact]
    public async Task A_loan_pool_minimum_for_a_model_no_device_has_is_400_and_not_stored()
    {
        using var service = await factory.ClientFor("sam.service");
        await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/devices",
            new { imei = RJH.DeviceWorkflows.Testing.TestImei.For(400_000_001), model = "Pool Phone 1", type = "Phone" }), HttpStatusCode.Created);

        var problem = await HttpAssert.ProblemAsync(await service.PutAsJsonAsync("/api/loan-pool/minimums/No%20Such%20Model", new { minimum = 2 }),
            HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["model"]);
        await HttpAssert.StatusAsync(await service.PutAsJsonAsync("/api/loan-pool/minimums/Pool%20Phone%201", new { minimum = 1 }), HttpStatusCode.OK);
        var pool = await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), HttpStatusCode.OK);
        Assert.DoesNotContain(pool!["models"]!.AsArray(), m => m!["model"]!.GetValue<string>() == "No Such Model");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("erik.anstalld")]
    public async Task An_unknown_path_under_api_is_404_signed_in_or_not(string? user)
    {
        using var client = user is null ? factory.CreateClient() : await factory.ClientFor(user);

        await HttpAssert.ProblemAsync(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/no/such/thing"), HttpStatusCode.NotFound);
        if (user is null)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tasks")).StatusCode);
    }
}
