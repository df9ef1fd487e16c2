using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Audit;

namespace RJH.DeviceWorkflows.Host.Tests.WorkEnvironment;

public sealed class RemoteWorkAgreementApiTests(WorkEnvironmentHost host) : IClassFixture<WorkEnvironmentHost>
{
    private const string Number = "19800101-1231";
    private const string Masked = "19800101-****";

    private static object Draft(Guid device, string personalNumber = Number) => new
    {
        employeeId = "E200",
        personalNumber,
        workplace = "Akutmottagningen",
        startDate = "2026-01-05",
        remoteDaysPerWeek = 2,
        officeDaysPerWeek = 3,
        terms = new
        {
            workingHours = "8–17", availability = "Telefon 8–17", absenceRoutine = "Anmäl till chef", meetingAttendance = "APT på plats",
            tasks = "Planering", resultFollowUp = "Månadsvis", connection = "VPN",
        },
        equipment = new[] { new { deviceId = device, note = "Tjänstetelefon" } },
        noticePeriod = new { value = 1, unit = "Months" },
    };

    private async Task<string> CreateAsync()
    {
        using var manager = await host.Factory.ClientFor("anna.chef");
        var created = await HttpAssert.StatusAsync(
            await manager.PostAsJsonAsync("/api/remote-work-agreements", Draft(DemoOrganisation.ErikPhone)), HttpStatusCode.Created);
        return created!["id"]!.GetValue<string>();
    }

    private async Task<JsonObject> PostAsync(string user, string path, object? body = null)
    {
        using var client = await host.Factory.ClientFor(user);
        return (await HttpAssert.StatusAsync(await client.PostAsJsonAsync(path, body ?? new { }), HttpStatusCode.OK))!;
    }

    [Fact]
    public async Task The_parties_and_HR_read_the_full_personnummer_lists_show_it_masked()
    {
        var id = await CreateAsync();

        foreach (var user in new[] { "erik.anstalld", "anna.chef", "hanna.hr" })
        {
            using var client = await host.Factory.ClientFor(user);
            var agreement = (await HttpAssert.StatusAsync(await client.GetAsync($"/api/remote-work-agreements/{id}"), HttpStatusCode.OK))!;
            Assert.Equal(Number, agreement["personalNumber"]!.GetValue<string>());
            var list = await HttpAssert.ArrayAsync(await client.GetAsync("/api/remote-work-agreements"));
            Assert.All(list, a => Assert.Equal(Masked, a!["personalNumber"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Another_users_agreement_is_404()
    {
        var id = await CreateAsync();

        foreach (var user in new[] { "maja.mobil", "olle.chef", "sara.skyddsombud", "sam.service" })
        {
            using var client = await host.Factory.ClientFor(user);
            await HttpAssert.ProblemAsync(await client.GetAsync($"/api/remote-work-agreements/{id}"), HttpStatusCode.NotFound);
            await HttpAssert.ProblemAsync(await client.PostAsync($"/api/remote-work-agreements/{id}/approve", null), HttpStatusCode.NotFound);
            Assert.Empty(await HttpAssert.ArrayAsync(await client.GetAsync("/api/remote-work-agreements")));
        }
    }

    [Fact]
    public async Task A_device_not_assigned_to_the_employee_is_400_and_nothing_is_stored()
    {
        using var manager = await host.Factory.ClientFor("anna.chef");
        var before = (await HttpAssert.ArrayAsync(await manager.GetAsync("/api/remote-work-agreements"))).Count;

        var problem = await HttpAssert.ProblemAsync(
            await manager.PostAsJsonAsync("/api/remote-work-agreements", Draft(DemoOrganisation.MajaPhone)), HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["equipment[0].deviceId"]);
        Assert.Contains(DemoOrganisation.MajaPhone.ToString(), problem["detail"]!.GetValue<string>());
        Assert.Equal(before, (await HttpAssert.ArrayAsync(await manager.GetAsync("/api/remote-work-agreements"))).Count);
    }

    [Fact]
    public async Task A_bad_personnummer_is_400_and_never_echoed()
    {
        using var manager = await host.Factory.ClientFor("anna.chef");

        var response = await manager.PostAsJsonAsync("/api/remote-work-agreements", Draft(DemoOrganisation.ErikPhone, "19800101-1239"));

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["personalNumber"]);
        Assert.DoesNotContain("1239", problem.ToJsonString());
    }

    [Fact]
    public async Task Approve_sign_activate_follow_up_and_terminate_with_notice()
    {
        var id = await CreateAsync();
        var path = $"/api/remote-work-agreements/{id}";

        await PostAsync("anna.chef", $"{path}/approve");
        await PostAsync("erik.anstalld", $"{path}/sign");
        var signed = await PostAsync("anna.chef", $"{path}/sign", new { party = "Manager" });
        var active = await PostAsync("anna.chef", $"{path}/status", new { status = "Active" });
        var followed = await PostAsync("anna.chef", $"{path}/follow-ups", new { date = "2026-01-10", decision = "Continue" });
        var terminated = await PostAsync("erik.anstalld", $"{path}/terminate", new { reason = "Ny tjänst" });

        Assert.Equal("Signed", signed["status"]!.GetValue<string>());
        Assert.Equal("Active", active["status"]!.GetValue<string>());
        Assert.Single(followed["followUps"]!.AsArray());
        Assert.Equal("Terminated", terminated["status"]!.GetValue<string>());
        Assert.NotNull(terminated["endDate"]);
    }

    [Fact]
    public async Task A_forbidden_transition_is_409_with_the_allowed_statuses()
    {
        var id = await CreateAsync();
        using var manager = await host.Factory.ClientFor("anna.chef");

        var problem = await HttpAssert.ProblemAsync(
            await manager.PostAsJsonAsync($"/api/remote-work-agreements/{id}/status", new { status = "Terminated", reason = "x" }),
            HttpStatusCode.Conflict);

        Assert.Equal(["Approved"], problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task The_audit_source_shows_changes_with_the_personnummer_masked()
    {
        var id = await CreateAsync();
        await PostAsync("anna.chef", $"/api/remote-work-agreements/{id}/approve");
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IAuditSource>().Single(s => s.Entities.Contains("RemoteWorkAgreement"));

        var entries = await source.ReadAsync("RemoteWorkAgreement", id, RegisterUser.System, 10);

        Assert.Equal(["Approved", "Created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain("1231", (e.Before ?? "") + e.After));
        Assert.Contains(Masked, entries[0].After);
    }
}
