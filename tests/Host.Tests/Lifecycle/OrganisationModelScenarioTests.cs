using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Testing;

namespace RJH.DeviceWorkflows.Host.Tests.Lifecycle;

/// <summary>
/// Organisation model Alt 3 (the supplier runs ordering and delivery) is a version of <c>ordering</c> like Alt 1:
/// switching to it is deploying the shipped variant and publishing it through the designer's API, with no code change
/// and no restart, and an order already running on Alt 2 goes on to its end on its own version.
/// (The switch to Alt 1 through the pages: tests/Web.Tests/Designer/OrganisationModelTests.cs.)
/// </summary>
public sealed class OrganisationModelScenarioTests
{
    [Fact]
    public async Task Publishing_the_Alt_3_variant_sends_new_orders_to_the_supplier_and_a_running_Alt_2_order_completes_on_its_version()
    {
        await using var s = await LifecycleScenario.StartAsync();
        // Alt 2 (shipped as version 1): Maja's order waits for Olle's approval.
        var majas = (await s.StartAsync("maja.mobil", "ordering", new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New" }))["id"]!.GetValue<Guid>();
        await s.TaskAsync("olle.chef", "approve-order", majas);

        var version = await PublishVariantAsync(s, "ordering-alt3.bpmn");
        Assert.Equal(2, version);
        Assert.Equal(2, (await s.GetAsync("/api/definitions/ordering"))["publishedVersion"]!.GetValue<int>());

        // Alt 3: Erik's order goes to the supplier, who delivers it pre-enrolled; Servicecenter has no step in it.
        var eriks = (await s.StartAsync("erik.anstalld", "ordering", new { employeeId = "erik.anstalld", deviceType = "Phone", reason = "New" }))["id"]!.GetValue<Guid>();
        await s.CompleteAsync("erik.anstalld", "accept-alternative", new { accepted = true }, eriks);
        await s.CompleteAsync("anna.chef", "approve-order", new { approved = true, justification = "Behöver nås på avdelningen" }, eriks);
        var waiting = await s.WaitForAsync(eriks, i => i["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "supplierDelivered"));
        var supplier = Assert.IsType<SimulatedSupplierClient>(s.Host.Services.GetRequiredService<ISupplierClient>());
        await supplier.DeliverAsync(waiting["variables"]!["supplierOrderId"]!.GetValue<string>(), "iPhone 16");
        await s.CompleteAsync("erik.anstalld", "acknowledge-handover", new { acknowledged = true }, eriks);
        var erikDone = await s.WaitForStatusAsync(eriks, "Completed");

        // Alt 2 goes on for Maja, to its end, on version 1: Servicecenter delivers.
        await s.CompleteAsync("olle.chef", "approve-order", new { approved = true, justification = "Behövs i teamet" }, majas);
        await s.CompleteAsync("sam.service", "deliver-device", null, majas);
        await s.CompleteAsync("maja.mobil", "acknowledge-handover", new { acknowledged = true }, majas);
        var majaDone = await s.WaitForStatusAsync(majas, "Completed");

        Assert.Equal((2, "Delivered"), (erikDone["version"]!.GetValue<int>(), erikDone["variables"]!["orderOutcome"]!.GetValue<string>()));
        Assert.Equal((1, "Delivered"), (majaDone["version"]!.GetValue<int>(), majaDone["variables"]!["orderOutcome"]!.GetValue<string>()));
        Assert.Contains("placeOrder", await EnteredAsync(s, eriks));
        Assert.DoesNotContain("deliver", await EnteredAsync(s, eriks));
        Assert.Contains("deliver", await EnteredAsync(s, majas));
        Assert.DoesNotContain("placeOrder", await EnteredAsync(s, majas));
        Assert.Empty(await s.GetArrayAsync("/api/incidents"));
        var device = Assert.Single((await s.LinksAsync("erik.anstalld"))["devices"]!.AsArray())!;
        Assert.Equal(erikDone["variables"]!["deviceId"]!.GetValue<string>(), device["id"]!.GetValue<string>());
        Assert.Equal("Assigned", device["status"]!.GetValue<string>());
    }

    // What a process owner's designer does: the variant's file becomes a new version, then that version is published.
    private static async Task<int> PublishVariantAsync(LifecycleScenario s, string file)
    {
        var owner = await s.As("process.owner");
        using var content = new StringContent(await File.ReadAllTextAsync(ShippedVariants.PathOf(file)), Encoding.UTF8, "application/xml");
        var deployed = (await HttpAssert.StatusAsync(await owner.PostAsync("/api/definitions", content), HttpStatusCode.Created))!;
        var version = deployed["version"]!.GetValue<int>();
        Assert.False(deployed["published"]!.GetValue<bool>());
        await HttpAssert.StatusAsync(await owner.PostAsync($"/api/definitions/ordering/versions/{version}/publish", null), HttpStatusCode.OK);
        return version;
    }

    private static async Task<List<string>> EnteredAsync(LifecycleScenario s, Guid instanceId) =>
        [.. (await s.JournalAsync(instanceId)).Where(e => e!["kind"]!.GetValue<string>() == "ElementEntered")
            .Select(e => e!["elementId"]!.GetValue<string>())];
}
