using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Tests.Lifecycle;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 4: a personnummer in a personal variable (Engine:PersonalVariables name pattern, or a form field with
/// <c>rjh:personal</c>) is encrypted in the database and masked in every response, while the engine's own steps see it
/// in clear; a start whose variables hold a raw personnummer is refused and stores nothing.
/// </summary>
public sealed class PersonalVariableTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private const string Number = "19800101-0019";
    private const string Masked = "19800101-****";

    // The number reaches the instance from a step (as a register lookup would), never from the start's variables; the
    // model spells it in two parts so that the stored definition does not hold it either.
    private static readonly string CarryProcess = Processes.Process("personal-carry", $"""
        <bpmn:startEvent id="Start_1" />
        {Processes.Service("Lookup", "SetVariables", ("ssn", "'19800101' + '-0019'"), ("note", "'ärende för ' + vars.employeeId"))}
        <bpmn:userTask id="Task_Check" rjh:candidateRoles="Employee" rjh:formKey="personal-check" />
        {Processes.Service("Use", "SetVariables", ("ssnSeenInClear", "vars.ssn === '19800101' + '-0019'"))}
        <bpmn:userTask id="Task_Last" rjh:candidateRoles="Employee" />
        <bpmn:endEvent id="End_1" />
        """ + Processes.Chain("Start_1", "Lookup", "Task_Check", "Use", "Task_Last", "End_1"));

    [Fact]
    public async Task A_personal_variable_is_encrypted_in_the_database_masked_in_every_response_and_clear_to_the_engine()
    {
        await factory.DeployAsync(CarryProcess);
        factory.PublishForm("personal-check", ("ssn", "textfield"));
        using var erik = await factory.ClientFor("erik.anstalld");
        var started = await erik.StartInstanceAsync("personal-carry", new { employeeId = "erik.anstalld" });
        var id = started["id"]!.GetValue<Guid>();

        Assert.Equal(Masked, started["variables"]!["ssn"]!.GetValue<string>());
        var instance = (await HttpAssert.StatusAsync(await erik.GetAsync($"/api/instances/{id}"), HttpStatusCode.OK))!;
        Assert.Equal(Masked, instance["variables"]!["ssn"]!.GetValue<string>());
        using var admin = await factory.ClientFor("admin");
        var listed = (await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=personal-carry")))
            .Single(i => i!["id"]!.GetValue<Guid>() == id)!;
        Assert.Equal(Masked, listed["variables"]!["ssn"]!.GetValue<string>());
        var task = Assert.Single(await HttpAssert.ArrayAsync(await erik.GetAsync($"/api/tasks?instanceId={id}")))!;
        Assert.Equal(Masked, task["variables"]!["ssn"]!.GetValue<string>());

        // A form that shows the masked value and sends it back unchanged keeps the stored number.
        await HttpAssert.StatusAsync(await erik.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new { variables = new { ssn = Masked } }), HttpStatusCode.OK);

        var after = (await HttpAssert.StatusAsync(await erik.GetAsync($"/api/instances/{id}"), HttpStatusCode.OK))!;
        Assert.True(after["variables"]!["ssnSeenInClear"]!.GetValue<bool>(), "the engine's own step must read the number in clear");
        Assert.Equal(Masked, after["variables"]!["ssn"]!.GetValue<string>());
        var journal = await HttpAssert.ArrayAsync(await admin.GetAsync($"/api/instances/{id}/journal"));
        AssertNoClearNumber(journal.ToJsonString());
        AssertDatabaseHoldsNoClearNumber(factory.Directory);
    }

    [Theory]
    [InlineData("""{"personnummer":"19800101-0019"}""", "variables.personnummer")]
    [InlineData("""{"employee":{"id":"erik.anstalld","notes":["ring","se 800101-0019"]}}""", "variables.employee.notes[1]")]
    [InlineData("""{"ref":"198001010019"}""", "variables.ref")]
    [InlineData("""{"numbers":[198001010019]}""", "variables.numbers[0]")]
    public async Task A_start_with_a_raw_personnummer_is_400_naming_the_variable_and_stores_nothing(string variables, string path)
    {
        await factory.DeployAsync(CarryProcess);
        using var erik = await factory.ClientFor("erik.anstalld");
        var businessKey = "raw-" + Guid.NewGuid().ToString("N");

        var problem = await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync("/api/instances",
            new { definitionKey = "personal-carry", businessKey, variables = JsonNode.Parse(variables) }), HttpStatusCode.BadRequest);

        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains(path, detail, StringComparison.Ordinal);
        AssertNoClearNumber(problem.ToJsonString());
        using var admin = await factory.ClientFor("admin");
        var instances = await HttpAssert.ArrayAsync(await admin.GetAsync("/api/instances?definitionKey=personal-carry"));
        Assert.DoesNotContain(instances, i => i!["businessKey"]?.GetValue<string>() == businessKey);
    }

    [Fact]
    public async Task Someone_who_may_not_start_the_process_gets_403_before_the_variables_are_looked_at()
    {
        // Issue 13, hole 9: the variables were checked (400) before the starter roles (403).
        await factory.DeployAsync(Processes.Process("hr-only", """
            <bpmn:startEvent id="Start_1" /><bpmn:endEvent id="End_1" />
            """ + Processes.Chain("Start_1", "End_1"), starterRoles: "HR"));
        using var erik = await factory.ClientFor("erik.anstalld");

        var problem = await HttpAssert.ProblemAsync(await erik.PostAsJsonAsync("/api/instances",
            new { definitionKey = "hr-only", variables = new { personnummer = "19800101-0019" } }), HttpStatusCode.Forbidden);

        Assert.DoesNotContain("variables", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNoClearNumber(problem.ToJsonString());
    }

    [Fact]
    public async Task A_message_carrying_a_raw_personnummer_is_400_naming_the_variable_and_delivered_nowhere()
    {
        using var admin = await factory.ClientFor("admin");

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/messages",
            new { name = "agreement-notice", correlationKey = "no-such-agreement", variables = new { reason = "gäller 19800101-0019" } }),
            HttpStatusCode.BadRequest);

        Assert.Contains("variables.reason", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNoClearNumber(problem.ToJsonString());
    }

    [Fact]
    public async Task Phone_numbers_dates_ids_and_amounts_in_start_variables_are_not_taken_for_a_personnummer()
    {
        await factory.DeployAsync(CarryProcess);
        using var erik = await factory.ClientFor("erik.anstalld");

        var started = await erik.StartInstanceAsync("personal-carry", new
        {
            employeeId = "erik.anstalld", phone = "0701234567", mobile = "+46 70-123 45 67", date = "2026-12-07",
            orderId = "0193a1b2-8001-0100-1900-000000000000", imei = "490154203237518", amount = 4711,
        });

        Assert.Equal("Running", started["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_personnummer_left_by_a_failed_save_step_is_encrypted_and_masked()
    {
        await using var s = await LifecycleScenario.StartAsync();
        var start = await s.StartAsync("maja.mobil", "remote-work-agreement", new { employeeId = "maja.mobil" });
        var id = start["id"]!.GetValue<Guid>();
        var today = DateOnly.FromDateTime((await s.GetAsync("/api/admin/clock"))["now"]!.GetValue<DateTimeOffset>().UtcDateTime);

        // The register refuses an end before the start, so the save step fails after the form accepted the draft.
        await s.CompleteAsync("maja.mobil", "draft-agreement", new
        {
            personalNumber = Number,
            workplace = "Strokerehabteamet, Östersund",
            startDate = today.AddDays(7).ToString("O"),
            endDate = today.AddDays(3).ToString("O"),
            remoteDaysPerWeek = 2,
            officeDaysPerWeek = 3,
            noticePeriod = new { value = 1, unit = "Months" },
            terms = new
            {
                workingHours = "08–16.30", availability = "Teams", absenceRoutine = "Som på arbetsplatsen",
                meetingAttendance = "På plats", tasks = "Journalföring", resultFollowUp = "Veckovis", connection = "VPN",
            },
        }, id);

        var failed = await s.WaitForAsync(id, i => i["incidents"]!.AsArray().Count > 0);
        Assert.Equal(Masked, failed["variables"]!["personalNumber"]!.GetValue<string>());
        AssertNoClearNumber((await s.GetArrayAsync("/api/instances?definitionKey=remote-work-agreement")).ToJsonString());
        AssertNoClearNumber((await s.JournalAsync(id)).ToJsonString());
        AssertDatabaseHoldsNoClearNumber(s.Host.Directory);
    }

    /// <summary>Every SQLite file of the host (the database, its WAL and journal), read as it lies on disk.</summary>
    private static void AssertDatabaseHoldsNoClearNumber(string directory)
    {
        var files = Directory.GetFiles(directory, "*.db*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.False(HoldsNumber(Encoding.UTF8.GetString(copy.ToArray())), $"{Path.GetFileName(file)} holds the personnummer in clear");
        }
    }

    private static void AssertNoClearNumber(string json) => Assert.False(HoldsNumber(json), "the personnummer is shown in clear: " + json);

    // With and without the dash, with or without the century.
    private static bool HoldsNumber(string text) =>
        text.Contains("0101-0019", StringComparison.Ordinal) || text.Contains("01010019", StringComparison.Ordinal);
}
