using System.Net;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>Helpers on any host factory (also on ones derived with WithWebHostBuilder).</summary>
internal static class HostFactoryExtensions
{
    /// <summary>An HttpClient signed in as a demo user.</summary>
    public static async Task<HttpClient> ClientFor(this WebApplicationFactory<Program> factory, string user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.TokenFor(user));
        return client;
    }

    public static async Task<string> TokenFor(this WebApplicationFactory<Program> factory, string user)
    {
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/demo-token", new { user });
        var body = await HttpAssert.StatusAsync(response, HttpStatusCode.OK);
        return body!["token"]!.GetValue<string>();
    }

    /// <summary>Deploys a BPMN file as <paramref name="user"/> and returns <c>{"key","version","published"}</c>.</summary>
    public static async Task<JsonObject> DeployAsync(this WebApplicationFactory<Program> factory, string xml,
        bool publish = true, string user = "process.owner")
    {
        using var client = await factory.ClientFor(user);
        using var response = await client.PostAsync($"/api/definitions?publish={(publish ? "true" : "false")}", Xml(xml));
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
    }

    public static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    /// <summary>
    /// Reads an instance until <paramref name="until"/> holds: jobs and timers run on background workers, so the
    /// API answers before they do. Fails with the last state after <paramref name="timeout"/> (default 20 s).
    /// </summary>
    public static async Task<JsonObject> WaitForInstanceAsync(this HttpClient client, object instanceId,
        Func<JsonObject, bool> until, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync($"/api/instances/{instanceId}");
            var instance = (await HttpAssert.StatusAsync(response, HttpStatusCode.OK))!;
            if (until(instance)) return instance;
            if (watch.Elapsed > limit)
                Assert.Fail($"Instance {instanceId} did not reach the expected state within {limit}: {instance.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonObject> StartInstanceAsync(this HttpClient client, string definitionKey, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey, variables = variables ?? new { } });
        return (await HttpAssert.StatusAsync(response, HttpStatusCode.Created))!;
    }

    public static string Status(this JsonObject instance) => instance["status"]!.GetValue<string>();
}
