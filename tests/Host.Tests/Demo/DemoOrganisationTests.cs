using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Demo;

/// <summary>The demo organisation of docs/demo-data.md, as the API shows it after a first start.</summary>
public sealed class DemoOrganisationTests(DemoHost host) : IClassFixture<DemoHost>
{
    private const string LoanModel = "Samsung Galaxy A55";

    [Fact]
    public async Task Units_are_the_two_demo_units_under_their_areas_and_the_staff_units()
    {
        using var admin = await host.Factory.ClientFor("admin");
        var units = (await HttpAssert.ArrayAsync(await admin.GetAsync("/api/units"))).Select(u => u!.AsObject())
            .ToDictionary(u => Text(u, "id")!);

        Assert.Equal(["HS", "HS-KIR", "HS-KIR-AVD1", "HS-REHAB", "HS-STROKE", "RS", "RS-DIGI", "RS-HR", "RS-SC", "RS-VS"],
            units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("Vårdavdelning 1", "HS-KIR", "anna.chef", "None"),
            (Text(units["HS-KIR-AVD1"], "name"), Text(units["HS-KIR-AVD1"], "parentId"), Text(units["HS-KIR-AVD1"], "managerEmployeeId"), Text(units["HS-KIR-AVD1"], "rollout")));
        Assert.Equal(("Strokerehabteam", "HS-REHAB", "olle.chef", "None"),
            (Text(units["HS-STROKE"], "name"), Text(units["HS-STROKE"], "parentId"), Text(units["HS-STROKE"], "managerEmployeeId"), Text(units["HS-STROKE"], "rollout")));
        Assert.Equal("HS", Text(units["HS-KIR"], "parentId"));
        Assert.Equal("HS", Text(units["HS-REHAB"], "parentId"));
    }

    [Fact]
    public async Task People_have_their_units_roles_managers_and_flags_and_their_user_name_as_employee_id()
    {
        using var admin = await host.Factory.ClientFor("admin");
        var people = (await HttpAssert.ArrayAsync(await admin.GetAsync("/api/people"))).Select(p => p!.AsObject())
            .ToDictionary(p => Text(p, "employeeId")!);

        Assert.Equal(["admin", "anna.chef", "erik.anstalld", "fia.ekonomi", "hanna.hr", "karin.chef", "maja.mobil", "olle.chef", "process.owner", "sam.service", "sara.skyddsombud"],
            people.Keys.Order(StringComparer.Ordinal));
        Assert.All(people.Values, p => Assert.Equal(Text(p, "employeeId"), Text(p, "userName")));
        Assert.All(people.Values, p => Assert.Equal($"{Text(p, "userName")}@regionjh.se", Text(p, "email")));
        Assert.Equal(["anna.chef", "erik.anstalld"], InUnit(people, "HS-KIR-AVD1"));
        Assert.Equal(["maja.mobil", "olle.chef"], InUnit(people, "HS-STROKE"));
        Assert.Equal("HS-KIR", Text(people["sara.skyddsombud"], "unitId"));
        Assert.Contains("SafetyRep", Roles(people["sara.skyddsombud"]));
        Assert.Contains("Manager", Roles(people["anna.chef"]));
        Assert.Contains("Manager", Roles(people["olle.chef"]));
        Assert.Contains("HR", Roles(people["hanna.hr"]));
        Assert.Contains("ServiceCenter", Roles(people["sam.service"]));
        Assert.Equal(("anna.chef", true), (Text(people["erik.anstalld"], "managerEmployeeId"), Flag(people["erik.anstalld"], "sharesExtension")));
        Assert.Equal(("olle.chef", true), (Text(people["maja.mobil"], "managerEmployeeId"), Flag(people["maja.mobil"], "worksAcrossLargeArea")));
        Assert.Equal(("07:00:00", "17:00:00"), (Text(people["maja.mobil"], "workStart"), Text(people["maja.mobil"], "workEnd")));
    }

    [Fact]
    public async Task Stock_is_six_phones_and_two_tablets_and_three_phones_form_the_loan_pool_with_minimum_two()
    {
        using var service = await host.Factory.ClientFor("sam.service");
        var stock = await HttpAssert.ArrayAsync(await service.GetAsync("/api/devices?status=InStock"));
        var pool = (await HttpAssert.StatusAsync(await service.GetAsync("/api/loan-pool"), System.Net.HttpStatusCode.OK))!;

        Assert.Equal(6, stock.Count(d => Text(d!, "type") == "Phone"));
        Assert.Equal(2, stock.Count(d => Text(d!, "type") == "Tablet"));
        Assert.Equal(3, stock.Count(d => d!["inLoanPool"]!.GetValue<bool>() && Text(d, "model") == LoanModel));
        var model = Assert.Single(pool["models"]!.AsArray());
        Assert.Equal((LoanModel, 3, 2), (Text(model!, "model"), model!["available"]!.GetValue<int>(), model["minimum"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Anna_has_an_enrolled_assigned_phone_with_an_active_subscription_and_her_own_extension()
    {
        using var service = await host.Factory.ClientFor("sam.service");
        var phone = Assert.Single(await HttpAssert.ArrayAsync(await service.GetAsync("/api/devices?q=anna.chef")))!;
        var subscription = Assert.Single(await HttpAssert.ArrayAsync(await service.GetAsync("/api/subscriptions?q=anna.chef")))!;
        var extensions = await HttpAssert.ArrayAsync(await service.GetAsync("/api/extensions?status=Active"));

        Assert.Equal(("Assigned", "Enrolled", "HS-KIR-AVD1"), (Text(phone, "status"), Text(phone, "mdmState"), Text(phone, "unitId")));
        Assert.Equal(("Active", "Voice", Text(phone, "id")), (Text(subscription, "status"), Text(subscription, "usage"), Text(subscription, "deviceId")));
        Assert.StartsWith("+467", Text(subscription, "msisdn"));
        Assert.Single(extensions, x => Text(x!, "employeeId") == "anna.chef");
        // The ward's shared extension (erik's) belongs to no person.
        Assert.Single(extensions, x => Text(x!, "employeeId") is null && Text(x!, "number") == "14050");
    }

    [Fact]
    public async Task Anna_sees_her_units_devices_and_erik_sees_none()
    {
        using var anna = await host.Factory.ClientFor("anna.chef");
        using var erik = await host.Factory.ClientFor("erik.anstalld");

        var annas = Assert.Single(await HttpAssert.ArrayAsync(await anna.GetAsync("/api/devices")))!;
        Assert.Equal("anna.chef", Text(annas, "assignedToEmployeeId"));
        Assert.Empty(await HttpAssert.ArrayAsync(await erik.GetAsync("/api/devices")));
    }

    private static string? Text(JsonNode node, string name) => node[name]?.GetValue<string>();

    private static bool Flag(JsonNode node, string name) => node[name]!.GetValue<bool>();

    private static List<string?> Roles(JsonNode person) => person["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList<string?>();

    private static List<string> InUnit(Dictionary<string, JsonObject> people, string unit) =>
        people.Values.Where(p => Text(p, "unitId") == unit).Select(p => Text(p, "employeeId")!).Order(StringComparer.Ordinal).ToList();
}
