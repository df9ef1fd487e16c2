using RJH.DeviceWorkflows.Host.Tests.Support;
using System.Text.RegularExpressions;
using RJH.DeviceWorkflows.Host.Features.Forms;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

/// <summary>Every form key the shipped workflows use has a form, and each form reads (conditions included).</summary>
public sealed partial class ShippedFormsTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void Every_form_key_of_the_shipped_workflows_has_a_readable_form()
    {
        var keys = Directory.EnumerateFiles(Path.Combine(Root, "workflows"), "*.bpmn", SearchOption.AllDirectories)
            .SelectMany(f => FormKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.True(keys.Count >= 16, $"only {keys.Count} form keys found");
        foreach (var key in keys)
        {
            var file = Path.Combine(Root, "workflows", "forms", key + ".form");
            Assert.True(File.Exists(file), $"no form for {key}");
            var form = FormSchema.Parse(key, System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!);
            Assert.False(string.IsNullOrEmpty(form.Title), $"{key} has no title");
            Assert.All(form.Fields, f => Assert.False(string.IsNullOrEmpty(f.LabelEn), $"{key}.{f.Path} has no English label"));
        }
    }

    [Fact]
    public void Approve_order_has_the_contracted_decision_and_justification()
    {
        var form = FormSchema.Parse("approve-order",
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "workflows", "forms", "approve-order.form")))!);
        var decision = Assert.Single(form.Fields, f => f.Path == "approved");
        Assert.Equal("Beslut", decision.Label);
        Assert.Equal([("Godkänn", "true"), ("Avslå", "false")], decision.Values.Select(v => (v.Label, v.Value!.ToJsonString())));
        Assert.Equal("Motivering", Assert.Single(form.Fields, f => f.Path == "justification").Label);
    }


    [GeneratedRegex(@"formKey=""([a-z0-9-]+)""")]
    private static partial Regex FormKey();
}
