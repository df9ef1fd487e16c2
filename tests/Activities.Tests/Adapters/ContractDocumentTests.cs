using RJH.DeviceWorkflows.Activities.Adapters.Supplier;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters;

/// <summary>
/// The REST clients' calls (pinned by the client tests against the fake suppliers) are the ones the contracts
/// handed to suppliers describe: a path and method dropped from a yaml, or renamed in one place only, fails here.
/// </summary>
public sealed class ContractDocumentTests
{
    [Theory]
    [InlineData("operator-api.yaml", "/subscriptions", "post", "Idempotency-Key")]
    [InlineData("operator-api.yaml", "/subscriptions/{subscriptionId}", "get", null)]
    [InlineData("operator-api.yaml", "/subscriptions/{subscriptionId}/sim/activate", "post", "Idempotency-Key")]
    [InlineData("operator-api.yaml", "/subscriptions/{subscriptionId}/sim/block", "post", "Idempotency-Key")]
    [InlineData("operator-api.yaml", "/subscriptions/{subscriptionId}/terminate", "post", "Idempotency-Key")]
    [InlineData("operator-api.yaml", "/subscriptions/{subscriptionId}/transfer", "post", "Idempotency-Key")]
    [InlineData("telephony-api.yaml", "/extensions", "post", "Idempotency-Key")]
    [InlineData("telephony-api.yaml", "/extensions/{extensionId}", "get", null)]
    [InlineData("telephony-api.yaml", "/extensions/{extensionId}", "delete", "Idempotency-Key")]
    [InlineData("telephony-api.yaml", "/extensions/{extensionId}/move", "post", "Idempotency-Key")]
    [InlineData("supplier-api.yaml", "/orders", "post", "Idempotency-Key")]
    [InlineData("supplier-api.yaml", "/orders/{orderId}", "get", null)]
    [InlineData("supplier-api.yaml", "/orders/{orderId}/cancel", "post", "Idempotency-Key")]
    public void The_contract_describes_each_call_the_client_makes(string document, string path, string method, string? header)
    {
        var yaml = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", document));

        var at = Array.FindIndex(yaml, l => l == $"  {path}:");
        Assert.True(at >= 0, $"{document} has no path {path}");
        var operation = yaml.Skip(at + 1).TakeWhile(l => !l.StartsWith("  /", StringComparison.Ordinal))
            .SkipWhile(l => l != $"    {method}:").Skip(1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).ToList();
        Assert.True(operation.Count > 0, $"{document} has no {method} on {path}");
        if (header is not null)
            Assert.Contains(operation, l => l.Contains("#/components/parameters/IdempotencyKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("operator-api.yaml")]
    [InlineData("telephony-api.yaml")]
    [InlineData("supplier-api.yaml")]
    public void The_contract_names_the_api_key_header_and_problem_details(string document)
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", document));

        Assert.Contains("name: X-Api-Key", yaml);
        Assert.Contains("application/problem+json", yaml);
        Assert.Contains("Retry-After", yaml);
    }

    [Fact]
    public void The_supplier_contract_calls_back_with_the_message_the_workflow_waits_for()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "supplier-api.yaml"));
        var bpmn = File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "variants", "ordering-alt3.bpmn"));

        // The callback posts to the region's message API (docs/api.md) with the message name the model declares.
        Assert.Contains("callbacks:", yaml);
        Assert.Contains("/api/messages':", yaml);
        Assert.Contains("required: [name, correlationKey, variables]", yaml);
        Assert.Contains($"enum: [{SupplierDeliveredMessage.Name}]", yaml);
        Assert.Contains($"name=\"{SupplierDeliveredMessage.Name}\"", bpmn);
        Assert.Contains("rjh:correlationKey=\"vars.supplierOrderId\"", bpmn);
        // The variables are the device, whose fields are the ones Register.ReceiveDevice reads.
        foreach (var variable in SupplierDeliveredMessage.Variables(new DeliveredDevice("1", "2", "3")).Select(v => v.Key))
            Assert.Contains($"vars.{variable}", bpmn);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RJH.DeviceWorkflows.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (RJH.DeviceWorkflows.sln) is not above the test binaries.");
    }
}
