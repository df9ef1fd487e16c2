using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RJH.DeviceWorkflows.Web.Tests.Support;

namespace RJH.DeviceWorkflows.Web.Tests.WorkEnvironment;

/// <summary>
/// Riskbedömningar and Distansarbete through the pages only: the risk assessment's workflow tasks done in the page release
/// an order held at the rollout gate; a remote-work agreement is written and signed without its personnummer ever
/// shown in clear.
/// </summary>
public sealed class WorkEnvironmentPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_risk_assessment_done_in_the_page_releases_the_order_held_at_the_rollout_gate()
    {
        var orderId = await OrderWaitingAtTheGateAsync();

        var hr = await SignedInAsync("hanna.hr", "/risk-assessments");
        await Assertions.Expect(hr.GetByTestId("held-units")).ToContainTextAsync("Strokerehabteam (HS-STROKE): 1");
        await hr.AssertAccessibleAsync();
        await hr.GetByLabel("Enhet eller område (id)").FillAsync("HS-STROKE");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Starta", Exact = true }).ClickAsync();
        await SubmitAsync(hr);
        // A unit's own assessment covers just that unit, and the page says the gate still holds its order.
        var covers = hr.GetByTestId("assessment-row").Filter(new() { HasText = "HS-STROKE" }).GetByTestId("assessment-covers");
        await Assertions.Expect(covers).ToContainTextAsync("Den egna enheten");
        await Assertions.Expect(covers).ToContainTextAsync("Strokerehabteam (HS-STROKE) – spärren håller 1 beställningar");

        await SignOffAsync("olle.chef", approve: true);
        var rep = await TaskPageAsync("sara.skyddsombud", "sign-off-risk-assessment");
        await rep.GetByRole(AriaRole.Button, new() { Name = "Avslå" }).ClickAsync();
        await Assertions.Expect(rep.GetByText("Ange en motivering när du avslår")).ToBeVisibleAsync();
        await rep.GetByLabel("Motivering").FillAsync("Återhämtning saknas");
        await rep.GetByRole(AriaRole.Button, new() { Name = "Avslå" }).ClickAsync();
        var row = rep.GetByTestId("assessment-row").Filter(new() { HasText = "HS-STROKE" });
        // The workflow turns a rejection straight back into a draft to revise; the reason stays on it.
        await Assertions.Expect(row).ToContainTextAsync("Återhämtning saknas");
        Assert.True(await InstanceWaitsAtGateAsync(orderId), "A rejected assessment released the order.");

        await SubmitAsync(hr);
        await SignOffAsync("olle.chef", approve: true);
        await SignOffAsync("sara.skyddsombud", approve: true);

        await WaitUntilAsync(async () => !await InstanceWaitsAtGateAsync(orderId), "the order to leave the rollout gate");
        var assessments = await App.GetArrayAsync("hanna.hr", "/api/risk-assessments?unitId=HS-STROKE");
        Assert.Equal("Approved", Assert.Single(assessments)!["status"]!.GetValue<string>());
        await hr.ReloadAsync();
        await hr.WaitForBlazorAsync();
        await Assertions.Expect(hr.GetByTestId("assessment-row").Filter(new() { HasText = "HS-STROKE" })).ToContainTextAsync("Godkänd");
        await Assertions.Expect(hr.GetByTestId("held-units")).ToHaveCountAsync(0);
        await Assertions.Expect(hr.GetByTestId("assessment-covers").First).Not.ToContainTextAsync("spärren håller");

        // Its history in words, from the register's audit: who submitted, who rejected with which reason, who signed off.
        await hr.GetByRole(AriaRole.Button, new() { Name = "Historik för Strokerehabteam" }).ClickAsync();
        var history = hr.GetByTestId("assessment-history");
        // The workflow's own steps record the change as themselves; the person who wrote it did so in the task.
        await Assertions.Expect(history).ToContainTextAsync("Arbetsflödet lämnade in riskbedömningen (inlämnad)");
        await Assertions.Expect(history).ToContainTextAsync("Sara Nordin avslog som skyddsombud: Återhämtning saknas (avslagen)");
        await Assertions.Expect(history).ToContainTextAsync("Arbetsflödet gjorde den till ett utkast igen");
        await Assertions.Expect(history).ToContainTextAsync("Olle Bergström godkände som chef");
        await Assertions.Expect(history).ToContainTextAsync("Sara Nordin godkände som skyddsombud (godkänd)");
        await Assertions.Expect(history.Locator("li").First).ToContainTextAsync(new Regex(@"^7 dec\.? 2026 \d\d:\d\d"));
        Assert.Equal(2, await history.GetByText("lämnade in riskbedömningen").CountAsync());
        await Assertions.Expect(hr.GetByRole(AriaRole.Button, new() { Name = "Historik för Strokerehabteam" })).ToHaveAttributeAsync("aria-expanded", "true");
        await hr.AssertAccessibleAsync();

        // An area's assessment covers every unit below it, listed by name.
        await hr.GetByLabel("Enhet eller område (id)").FillAsync("HS-KIR");
        await hr.GetByLabel("Nivå").ClickAsync();
        await hr.GetByRole(AriaRole.Option, new() { Name = "Område" }).ClickAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Starta", Exact = true }).ClickAsync();
        var area = hr.GetByTestId("assessment-row").Filter(new() { HasText = "HS-KIR)" });
        await hr.ReloadUntilAsync(area, "Vårdavdelning 1 (HS-KIR-AVD1)");
        await Assertions.Expect(area.GetByTestId("assessment-covers")).ToContainTextAsync("Alla enheter i Område Kirurgi");
    }

    [Fact]
    public async Task Risk_assessments_are_refused_to_an_employee()
    {
        var page = await SignedInAsync("erik.anstalld");

        await page.GotoAsync("/risk-assessments");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_remote_work_agreement_goes_through_its_process_and_is_followed_up_a_year_later_with_the_personnummer_only_masked()
    {
        const string personalNumber = "19800101-0019";
        var maja = await NewPageAsync();
        var majaFrames = maja.RecordCircuitFrames();
        await maja.SignInAsAsync("maja.mobil", "/remote-work");
        await maja.AssertAccessibleAsync();

        // Starting it takes Maja straight to the form she fills in.
        await maja.GetByRole(AriaRole.Button, new() { Name = "Starta avtal" }).ClickAsync();
        await maja.WaitForURLAsync("**/tasks/*");
        await Assertions.Expect(maja.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fyll i avtalet");
        await maja.GetByLabel("Personnummer").FillAsync(personalNumber);
        await maja.GetByLabel("Ordinarie arbetsplats").FillAsync("Strokerehab, Östersund");
        await maja.GetByLabel("Startdatum").FillAsync("2027-01-04");
        await maja.GetByLabel("Distansdagar per vecka").FillAsync("2");
        await maja.GetByLabel("Dagar på arbetsplatsen per vecka").FillAsync("3");
        await maja.GetByLabel("Antal").FillAsync("1");
        await maja.GetByLabel("Enhet").ClickAsync();
        await maja.GetByRole(AriaRole.Option, new() { Name = "Månader" }).ClickAsync();
        (string Label, string Text)[] terms =
        [
            ("Arbetstid", "08–16.30"), ("Tillgänglighet", "Telefon och Teams under arbetstid"), ("Rutin vid frånvaro", "Sjukanmälan som vanligt"),
            ("Närvaro vid möten", "Alltid på plats"), ("Arbetsuppgifter på distans", "Dokumentation och uppföljning"),
            ("Uppföljning av resultat", "Månadsvis med chef"), ("Uppkoppling", "Regionens dator och VPN"),
        ];
        foreach (var (label, text) in terms) await maja.GetByLabel(label).FillAsync(text);
        await maja.AssertAccessibleAsync();
        var draftUrl = maja.Url;
        await maja.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(maja, draftUrl);

        // Olle finds the approval on Distansarbete, approves, and both sign in Mina uppgifter.
        var olle = await NewPageAsync();
        var olleFrames = olle.RecordCircuitFrames();
        await olle.SignInAsAsync("olle.chef", "/remote-work");
        await olle.ReloadUntilAsync(olle.GetByTestId("rw-tasks"), "Godkänn avtalet");
        await Assertions.Expect(olle.GetByTestId("agreement-pnr")).ToHaveTextAsync("19800101-****");
        await olle.GetByTestId("rw-tasks").GetByRole(AriaRole.Link, new() { Name = "Godkänn avtalet" }).ClickAsync();
        await olle.WaitForURLAsync("**/tasks/*");
        await olle.GetByRole(AriaRole.Radio, new() { Name = "Godkänn avtalet" }).CheckAsync();
        var approveUrl = olle.Url;
        await olle.GetByRole(AriaRole.Button, new() { Name = "Slutför" }).ClickAsync();
        await LeavesAfterCompletionAsync(olle, approveUrl);
        await CompleteFirstAsync("olle.chef", "Underteckna avtalet", page => page.GetByLabel("Jag signerar avtalet").CheckAsync());
        await CompleteFirstAsync("maja.mobil", "Underteckna avtalet", page => page.GetByLabel("Jag signerar avtalet").CheckAsync());

        await WaitUntilAsync(async () => (await AgreementAsync())["status"]!.GetValue<string>() is "Signed" or "Active", "the signed agreement");
        foreach (var page in new[] { maja, olle })
        {
            await page.GotoAsync("/remote-work");
            await page.WaitForBlazorAsync();
            await Assertions.Expect(page.GetByTestId("agreement-signatures")).ToContainTextAsync("olle.chef");
            await Assertions.Expect(page.GetByTestId("agreement-pnr")).ToHaveTextAsync("19800101-****");
            await page.AssertAccessibleAsync();
        }

        // A year on, Olle's yearly follow-up arrives as a task.
        using (var admin = await App.ApiAs("admin"))
            (await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "P366D" })).EnsureSuccessStatusCode();
        await CompleteFirstAsync("olle.chef", "Följ upp avtalet", page => page.GetByRole(AriaRole.Radio, new() { Name = "Fortsätt som i dag" }).CheckAsync());
        await WaitUntilAsync(async () => (await AgreementAsync())["followUps"] is JsonArray { Count: 1 }, "the recorded follow-up");

        // The personnummer is in no page and no frame the circuit sent (only what Maja typed went the other way),
        // nor on any other page the agreement's parties or HR open.
        Assert.NotEmpty(majaFrames);
        Assert.DoesNotContain(majaFrames.Concat(olleFrames), frame => frame.Contains("0101-0019", StringComparison.Ordinal) || frame.Contains("01010019", StringComparison.Ordinal));
        var hanna = await SignedInAsync("hanna.hr");
        foreach (var (page, path) in new[] { (maja, "/"), (maja, "/my/requests"), (maja, "/remote-work"), (olle, "/team"), (olle, "/tasks"), (hanna, "/remote-work"), (hanna, "/risk-assessments") })
        {
            await page.GotoAsync(path);
            await page.WaitForBlazorAsync();
            var html = await page.ContentAsync();
            Assert.False(html.Contains("0101-0019", StringComparison.Ordinal) || html.Contains("01010019", StringComparison.Ordinal), $"The personnummer is in {path}.");
        }

        // Later Maja gives notice herself, between follow-ups: the agreement ends when the month's notice has run out.
        // (The year moved on the controllable clock has ended her earlier sign-in.)
        maja = await SignedInAsync("maja.mobil", "/remote-work");
        await maja.GetByRole(AriaRole.Button, new() { Name = "Säg upp avtalet för", Exact = false }).ClickAsync();
        var notice = maja.GetByTestId("notice-form");
        await Assertions.Expect(notice).ToContainTextAsync("Uppsägningstiden är 1 månader");
        await notice.GetByLabel("Skäl (frivilligt)").FillAsync("Flyttar närmare jobbet");
        await maja.AssertAccessibleAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "Bekräfta uppsägningen" }).ClickAsync();
        await Assertions.Expect(maja.GetByTestId("rw-message")).ToContainTextAsync("Avtalet är uppsagt och upphör");
        var agreement = await AgreementAsync();
        Assert.Equal("Terminated", agreement["status"]!.GetValue<string>());
        Assert.Equal("Flyttar närmare jobbet", agreement["terminationReason"]!.GetValue<string>());
        await Assertions.Expect(maja.GetByRole(AriaRole.Button, new() { Name = "Säg upp avtalet för", Exact = false })).ToHaveCountAsync(0);
    }

    private async Task<JsonObject> AgreementAsync() =>
        Assert.Single(await App.GetArrayAsync("hanna.hr", "/api/remote-work-agreements"))!.AsObject();

    /// <summary>Maja's order under rollout, approved by Olle, held at the gate because HS-STROKE has no assessment yet.</summary>
    private async Task<Guid> OrderWaitingAtTheGateAsync()
    {
        using var maja = await App.ApiAs("maja.mobil");
        using var started = await maja.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "ordering",
            variables = new { employeeId = "maja.mobil", deviceType = "Phone", reason = "New", underRollout = true },
        });
        started.EnsureSuccessStatusCode();
        var orderId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var olle = await App.ApiAs("olle.chef");
        JsonNode? approve = null;
        await WaitUntilAsync(async () =>
        {
            var tasks = await App.GetArrayAsync("olle.chef", $"/api/tasks?limit=100");
            approve = tasks.FirstOrDefault(t => t!["formKey"]?.GetValue<string>() == "approve-order" && t["instanceId"]!.GetValue<Guid>() == orderId);
            return approve is not null;
        }, "the approval task");
        using var done = await olle.PostAsJsonAsync($"/api/tasks/{approve!["id"]}/complete",
            new { variables = new { approved = true, justification = "Mobilt team" } });
        done.EnsureSuccessStatusCode();
        await WaitUntilAsync(() => InstanceWaitsAtGateAsync(orderId), "the order to wait at the rollout gate");
        return orderId;
    }

    private async Task<bool> InstanceWaitsAtGateAsync(Guid orderId)
    {
        var instance = await App.GetJsonAsync("admin", $"/api/instances/{orderId}");
        return instance["activeElements"]!.AsArray().Any(e => e!.GetValue<string>() == "waitAssessment");
    }

    private async Task SubmitAsync(IPage hr)
    {
        var form = await TaskOnPageAsync(hr, "submit-risk-assessment");
        await form.GetByLabel("Gränssättning").FillAsync("Förväntan på ständig nåbarhet");
        await form.GetByLabel("Arbetstidens förläggning").FillAsync("Meddelanden efter arbetstid");
        await form.GetByLabel("Återhämtning").FillAsync("Risk för störd vila");
        await form.GetByLabel("Deltagare").FillAsync("maja.mobil\nolle.chef\nsara.skyddsombud");
        await form.GetByLabel("Åtgärder").FillAsync("Policy för användning efter arbetstid\nSyftet anges vid överlämning");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lämna in" }).ClickAsync();
        await Assertions.Expect(hr.GetByTestId("ra-message")).ToContainTextAsync("Uppgiften är slutförd");
    }

    private async Task SignOffAsync(string user, bool approve)
    {
        var page = await TaskPageAsync(user, "sign-off-risk-assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = approve ? "Godkänn" : "Avslå", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("ra-message")).ToContainTextAsync("Uppgiften är slutförd");
    }

    private async Task<IPage> TaskPageAsync(string user, string formKey)
    {
        var page = await SignedInAsync(user, "/risk-assessments");
        await TaskOnPageAsync(page, formKey);
        return page;
    }

    /// <summary>The workflow creates the task after a step of its own; the page shows it on the next load.</summary>
    private static async Task<ILocator> TaskOnPageAsync(IPage page, string formKey)
    {
        var task = page.GetByTestId($"task-{formKey}");
        await WaitUntilAsync(async () =>
        {
            if (await task.CountAsync() > 0) return true;
            await page.ReloadAsync();
            await page.WaitForBlazorAsync();
            return await task.CountAsync() > 0;
        }, $"a {formKey} task on the page");
        return task.First;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience) Assert.Fail($"Waited {Patience} for {what}.");
            await Task.Delay(200);
        }
    }
}
