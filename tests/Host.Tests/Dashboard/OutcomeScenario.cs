using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.LoanPool;
using RJH.DeviceWorkflows.Registry.Orders;
using RJH.DeviceWorkflows.Registry.Org;

namespace RJH.DeviceWorkflows.Host.Tests.Dashboard;

/// <summary>
/// The dashboard's scenario on the demo organisation, played through the register's own services on the controllable
/// clock. Every duration the dashboard should show is named here, so the tests compute their expectations from it.
/// </summary>
internal sealed class OutcomeScenario(HostFactory host)
{
    // Demo devices (docs/demo-data.md).
    public const string AnnasPhone = "353284150123407";
    public const string StockPhone = "353284150123415";
    public const string LeaversPhone = "353284150123423";
    public const string LoanPhone = "352099173204500";
    public const string StockTablet = "355607210987601";

    /// <summary>Anna reports her phone broken and has a loan phone this much later, the same day.</summary>
    public static readonly TimeSpan LoanAfter = TimeSpan.FromHours(2);

    /// <summary>Maja's order is delivered this much after it was opened.</summary>
    public static readonly TimeSpan DeliveredAfter = TimeSpan.FromDays(3);

    private readonly RegisterUser system = RegisterUser.System;

    public Guid LeaversDeviceId { get; private set; }

    /// <summary>
    /// At the clock's start: Anna's phone goes to repair, she gets a loan phone <see cref="LoanAfter"/> later; Maja orders a
    /// phone (the Regional Director's administration pays), delivered <see cref="DeliveredAfter"/> later; a returned phone goes back to stock (reusable), a returned
    /// tablet is scrapped; Erik gets a phone and leaves without returning it.
    /// </summary>
    public async Task PlayAsync()
    {
        var devices = host.Services.GetRequiredService<IDeviceRegister>();
        await devices.SetStatusAsync(system, await IdAsync(AnnasPhone), DeviceStatus.InRepair, "Trasig skärm");
        await AdvanceAsync(LoanAfter);
        await host.Services.GetRequiredService<ILoanPool>().StartLoanAsync(system, await IdAsync(LoanPhone), "anna.chef");

        var orders = host.Services.GetRequiredService<IDeviceOrders>();
        var order = await orders.OpenAsync(system, new NewDeviceOrder("maja.mobil", OrderedDeviceType.Phone, "New", Payer: "RegionDirector"));

        var reused = await HandOutAsync(devices, StockPhone, "erik.anstalld");
        await devices.MarkReturnedAsync(system, reused, "Inlämnad");
        await devices.SetStatusAsync(system, reused, DeviceStatus.Wiped, "Raderad");
        await devices.SetStatusAsync(system, reused, DeviceStatus.InStock, "Åter i lager");

        var scrapped = await HandOutAsync(devices, StockTablet, "maja.mobil");
        await devices.MarkReturnedAsync(system, scrapped, "Inlämnad");
        await devices.SetStatusAsync(system, scrapped, DeviceStatus.Wiped, "Raderad");
        await devices.SetStatusAsync(system, scrapped, DeviceStatus.Retired, "Kasserad");

        LeaversDeviceId = await HandOutAsync(devices, LeaversPhone, "erik.anstalld");
        await host.Services.GetRequiredService<IOrgRegister>().SetPersonStatusAsync(system, "erik.anstalld", PersonStatus.Offboarding);

        await AdvanceAsync(DeliveredAfter);
        await orders.CloseAsync(system, order.Order.Id, DeviceOrderStatus.Delivered);
    }

    /// <summary>The approval waits this long at its one user task (<see cref="PlayApprovalAsync"/>).</summary>
    public static readonly TimeSpan ApprovalWait = TimeSpan.FromHours(5);

    /// <summary>Anna starts the test model <c>manager-approval</c>; Karin approves it <see cref="ApprovalWait"/> later.</summary>
    public async Task PlayApprovalAsync()
    {
        await host.DeployAsync(Bpmn.ManagerApproval);
        using var anna = await host.ClientFor("anna.chef");
        var started = await anna.StartInstanceAsync("manager-approval", new { amount = 10 });
        await AdvanceAsync(ApprovalWait);
        using var karin = await host.ClientFor("karin.chef");
        var task = Assert.Single(await HttpAssert.ArrayAsync(await karin.GetAsync($"/api/tasks?instanceId={started["id"]}")))!;
        await HttpAssert.StatusAsync(await karin.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { } }),
            System.Net.HttpStatusCode.OK);
    }

    private async Task<Guid> HandOutAsync(IDeviceRegister devices, string imei, string employeeId)
    {
        var id = await IdAsync(imei);
        await devices.SetStatusAsync(system, id, DeviceStatus.Reserved, "Beställd");
        await devices.SetStatusAsync(system, id, DeviceStatus.Enrolled, "Enrollerad");
        await devices.AssignAsync(system, id, employeeId);
        return id;
    }

    private async Task<Guid> IdAsync(string imei) =>
        (await host.Services.GetRequiredService<IDeviceRegister>().ListAsync(system, new DeviceQuery(Text: imei))).Single().Id;

    private async Task AdvanceAsync(TimeSpan by)
    {
        using var admin = await host.ClientFor("admin");
        using var response = await admin.PostAsJsonAsync("/api/admin/clock", new { advance = System.Xml.XmlConvert.ToString(by) });
        response.EnsureSuccessStatusCode();
    }
}
