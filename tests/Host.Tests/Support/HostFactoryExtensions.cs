using System.Net;
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
}
