using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Tests.Notify.Support;
using RJH.DeviceWorkflows.Engine.Activities;
using static RJH.DeviceWorkflows.Activities.Tests.Notify.Support.MailTestBed;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

/// <summary>Notify.Email with the real notification-hours policy (seeded from workflows/policies) on a temp SQLite file.</summary>
public sealed class NotifyEmailActivityTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1); // Stockholm in November: UTC+1
    private static readonly DateTimeOffset TuesdayAt0930 = new(2026, 11, 24, 9, 30, 0, Winter);
    private static readonly DateTimeOffset TuesdayAt2300 = new(2026, 11, 24, 23, 0, 0, Winter);
    private static readonly DateTimeOffset FridayAt1705 = new(2026, 11, 27, 17, 5, 0, Winter);
    private static readonly DateTimeOffset MondayAt0700 = new(2026, 11, 30, 7, 0, 0, Winter);

    private static JsonObject Order() => JsonNode.Parse("""{"deviceType":"Phone","order":{"id":"ORD-7"}}""")!.AsObject();

    [Fact]
    public async Task In_working_time_it_is_sent_now_and_the_journal_names_template_and_employee_only()
    {
        await using var bed = await CreateAsync(TuesdayAt0930, people: FakeRegister.Person());

        var result = await bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order()), default);

        var mail = Assert.Single(bed.Written());
        Assert.Equal("asa.oberg@regionjh.se", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Din beställning av mobiltelefon är godkänd", mail.Subject);
        Assert.StartsWith("Hej Åsa Öberg,", mail.TextBody);
        Assert.Equal(mail.MessageId, result.Outputs["messageId"]!.GetValue<string>());
        Assert.Equal(TuesdayAt0930, DateTimeOffset.Parse(result.Outputs["sentAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("order-approved", result.JournalNote);
        Assert.Contains("E1001", result.JournalNote);
        Assert.Contains("SendNow", result.JournalNote);
        Assert.DoesNotContain("asa.oberg", result.JournalNote);
        Assert.DoesNotContain("ORD-7", result.JournalNote);
    }

    [Fact]
    public async Task Urgent_mail_at_2300_is_sent_now()
    {
        await using var bed = await CreateAsync(TuesdayAt2300, people: FakeRegister.Person());

        var result = await bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order(), urgent: true), default);

        Assert.Single(bed.Written());
        Assert.Contains("rule Urgent", result.JournalNote);
    }

    [Fact]
    public async Task Non_urgent_mail_on_friday_at_1705_is_deferred_until_monday_0700_and_then_sent_once_with_the_same_id()
    {
        await using var bed = await CreateAsync(FridayAt1705, people: FakeRegister.Person());
        var context = Context("E1001", "order-approved", Order());

        var deferred = await Assert.ThrowsAsync<ActivityDeferredException>(() => bed.Activity.ExecuteAsync(context, default));

        Assert.Equal(MondayAt0700, deferred.Until);
        Assert.Contains("Defer", deferred.Reason);
        Assert.Contains("order-approved", deferred.Reason);
        Assert.DoesNotContain("asa.oberg", deferred.Reason);
        Assert.Empty(bed.Written());

        bed.Time.SetUtcNow(deferred.Until);
        var first = await bed.Activity.ExecuteAsync(context, default);
        var retried = await bed.Activity.ExecuteAsync(context, default);

        Assert.Single(bed.Written());
        Assert.Equal(first.Outputs["messageId"]!.GetValue<string>(), retried.Outputs["messageId"]!.GetValue<string>());
        Assert.Contains("already sent", retried.JournalNote);
    }

    [Fact]
    public async Task A_plain_address_gets_the_default_working_hours_and_needs_no_register()
    {
        await using var bed = await CreateAsync(FridayAt1705);

        var deferred = await Assert.ThrowsAsync<ActivityDeferredException>(() =>
            bed.Activity.ExecuteAsync(Context("extern@leverantor.se", "generic", new JsonObject { ["subject"] = "Ärende", ["body"] = "Text" }), default));

        Assert.Equal(MondayAt0700, deferred.Until);
        Assert.DoesNotContain("extern@", deferred.Reason);
        var employee = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Activity.ExecuteAsync(Context("E1001", "generic"), default));
        Assert.Contains("no register", employee.Message);
    }

    [Fact]
    public async Task A_person_without_an_address_is_the_bpmn_error_no_recipient_address()
    {
        await using var bed = await CreateAsync(TuesdayAt0930, people: FakeRegister.Person(email: null));

        var error = await Assert.ThrowsAsync<BpmnErrorException>(() => bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order()), default));

        Assert.Equal(MailRecipients.NoAddressError, error.Code);
    }

    [Fact]
    public async Task An_unknown_employee_or_template_is_a_technical_failure_even_outside_working_hours()
    {
        await using var bed = await CreateAsync(FridayAt1705, people: FakeRegister.Person());

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Activity.ExecuteAsync(Context("E404", "order-approved"), default));
        var template = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Activity.ExecuteAsync(Context("E1001", "finns-inte"), default));

        Assert.Contains("E404 is not in the register", unknown.Message);
        Assert.Contains("'finns-inte' does not exist", template.Message);
    }

    [Fact]
    public void Its_descriptor_declares_the_inputs_and_outputs()
    {
        var descriptor = new ActivityCatalog([new ActivityRegistration(typeof(NotifyEmailActivity))]).Descriptor("Notify.Email");

        Assert.Equal(ActivityExecution.Job, descriptor.Execution);
        Assert.Equal(["template", "to", "cc", "model", "urgent"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal(["messageId", "sentAt"], descriptor.Outputs.Select(o => o.Name));
    }
}
