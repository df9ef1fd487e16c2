using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;
using static RJH.DeviceWorkflows.Host.Tests.Support.Processes;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Activities;

/// <summary>Mdm.EnrollDevice and Operator.OrderSubscription as Hangfire jobs of the real Host, on its simulators and register.</summary>
public sealed class ExternalSystemActivitiesTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly object OrgExport = new
    {
        units = new object[]
        {
            new { id = "HS", name = "Hälso- och sjukvårdsförvaltningen", level = "Administration" },
            new { id = "OST", name = "Område Östersund", level = "Area", parentId = "HS" },
            new { id = "AKUT", name = "Akutmottagningen", level = "Unit", parentId = "OST" },
        },
        people = new object[]
        {
            new { employeeId = "E300", userName = "erik.anstalld", name = "Erik Anställd", email = "erik@rjh.se", unitId = "AKUT" },
        },
    };

    [Fact]
    public async Task A_reserved_device_is_enrolled_and_gets_an_ordered_subscription_in_the_register()
    {
        using var admin = await host.ClientFor("admin");
        var imported = await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK);
        Assert.True(imported!["refused"]!.AsArray().Count == 0, imported.ToJsonString());
        using var service = await host.ClientFor("sam.service");
        var device = (await HttpAssert.StatusAsync(await service.PostAsJsonAsync("/api/devices",
            new { imei = RJH.DeviceWorkflows.Testing.TestImei.For(700_001), model = "iPhone 15", type = "Phone" }), HttpStatusCode.Created))!["id"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await service.PostAsJsonAsync($"/api/devices/{device}/status", new { status = "Reserved" }), HttpStatusCode.OK);
        await host.DeployAsync(Process("provision", $"""
            <bpmn:startEvent id="start" />
            {Service("enrol", "Mdm.EnrollDevice", ("deviceId", "vars.deviceId"), ("employeeId", "vars.employeeId"))}
            {Service("order", "Operator.OrderSubscription", ("employeeId", "vars.employeeId"), ("deviceId", "vars.deviceId"),
                ("kind", "'Voice'"), ("simType", "'eSIM'"))}
            <bpmn:endEvent id="end" />
            {Chain("start", "enrol", "order", "end")}
            """));

        using var erik = await host.ClientFor("erik.anstalld");
        var started = await erik.StartInstanceAsync("provision", new { deviceId = device, employeeId = "E300" });
        var done = await erik.WaitForInstanceAsync(started["id"]!, i => i.Status() == "Completed");

        var enrolled = (await HttpAssert.StatusAsync(await service.GetAsync($"/api/devices/{device}"), HttpStatusCode.OK))!;
        Assert.Equal(("Enrolled", "Enrolled", true), (enrolled["status"]!.GetValue<string>(), enrolled["mdmState"]!.GetValue<string>(),
            enrolled["managedAccount"]!.GetValue<bool>()));
        Assert.Equal(done["variables"]!["enrolResult"]!["mdmDeviceId"]!.GetValue<string>(), enrolled["mdmDeviceId"]!.GetValue<string>());
        var subscriptionId = done["variables"]!["orderResult"]!["subscriptionId"]!.GetValue<string>();
        var subscription = (await HttpAssert.StatusAsync(await service.GetAsync($"/api/subscriptions/{subscriptionId}"), HttpStatusCode.OK))!;
        Assert.Equal(("Ordered", "E300", device, "ESim", done["variables"]!["orderResult"]!["msisdn"]!.GetValue<string>()),
            (subscription["status"]!.GetValue<string>(), subscription["employeeId"]!.GetValue<string>(), subscription["deviceId"]!.GetValue<string>(),
                subscription["sim"]!.GetValue<string>(), subscription["msisdn"]!.GetValue<string>()));
    }
}
