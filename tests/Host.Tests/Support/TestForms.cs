using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Features.Forms;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>
/// Forms for the test models' form keys, published as the forms editor would: a task without a form takes no values,
/// so a test model whose task must take some declares them here.
/// </summary>
internal static class TestForms
{
    /// <summary>Publishes a form of <paramref name="fields"/> (key, form-js type such as textfield or number) for <paramref name="formKey"/>.</summary>
    public static void PublishForm(this HostFactory host, string formKey, params (string Key, string Type)[] fields)
    {
        var versions = host.Services.GetRequiredService<FormVersions>();
        var components = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["type"] = f.Type, ["key"] = f.Key, ["label"] = f.Key })]);
        var saved = versions.Save(formKey, new JsonObject { ["components"] = components }.ToJsonString(), "process.owner", null);
        versions.Publish(formKey, saved.Version, "process.owner");
    }
}
