using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Activities.Notify.Outbox;
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

    private static DateTimeOffset SendAt(ActivityResult result) =>
        DateTimeOffset.Parse(result.Outputs["sendAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task In_working_time_it_is_queued_to_go_now_and_the_journal_names_template_and_employee_only()
    {
        await using var bed = await CreateAsync(TuesdayAt0930, people: FakeRegister.Person());

        var result = await bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order()), default);

        Assert.Empty(bed.Written()); // the step only queues; the mail job sends
        Assert.Equal(TuesdayAt0930, SendAt(result));
        Assert.Equal(1, await bed.SendDueAsync());
        var mail = Assert.Single(bed.Written());
        Assert.Equal("asa.oberg@regionjh.se", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Din beställning av mobiltelefon är godkänd", mail.Subject);
        Assert.StartsWith("Hej Åsa Öberg,", mail.TextBody);
        Assert.Equal(mail.MessageId, result.Outputs["messageId"]!.GetValue<string>());
        Assert.Contains("order-approved", result.JournalNote);
        Assert.Contains("E1001", result.JournalNote);
        Assert.Contains("queued to go now", result.JournalNote);
        Assert.Contains("SendNow", result.JournalNote);
        Assert.DoesNotContain("asa.oberg", result.JournalNote);
        Assert.DoesNotContain("ORD-7", result.JournalNote);
        var sent = Assert.Single(await bed.Outbox.ListAsync(OutboxMailStatus.Sent, 10, default));
        Assert.Equal("E1001", sent.Recipient);
        Assert.Equal(TuesdayAt0930, sent.SentAt);
    }

    [Fact]
    public async Task Urgent_mail_at_2300_goes_now()
    {
        await using var bed = await CreateAsync(TuesdayAt2300, people: FakeRegister.Person());

        var result = await bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order(), urgent: true), default);

        Assert.Equal(TuesdayAt2300, SendAt(result));
        Assert.Contains("rule Urgent", result.JournalNote);
        Assert.Equal(1, await bed.SendDueAsync());
        Assert.Single(bed.Written());
    }

    [Fact]
    public async Task Non_urgent_mail_on_friday_at_1705_completes_at_once_and_is_sent_once_at_monday_0700()
    {
        await using var bed = await CreateAsync(FridayAt1705, people: FakeRegister.Person());
        var context = Context("E1001", "order-approved", Order());

        var result = await bed.Activity.ExecuteAsync(context, default);

        Assert.Equal(MondayAt0700, SendAt(result));
        Assert.Contains("held until 07:00 Monday 30 November 2026", result.JournalNote);
        Assert.Contains("Defer", result.JournalNote);
        Assert.DoesNotContain("asa.oberg", result.JournalNote);
        Assert.Equal(0, await bed.SendDueAsync());
        bed.Time.SetUtcNow(MondayAt0700.AddSeconds(-1));
        Assert.Equal(0, await bed.SendDueAsync());
        Assert.Empty(bed.Written());

        bed.Time.SetUtcNow(MondayAt0700);
        Assert.Equal(1, await bed.SendDueAsync());
        // The same step run again (a retried command) queues nothing new.
        var again = await bed.Activity.ExecuteAsync(context, default);
        Assert.Equal(0, await bed.SendDueAsync());

        var mail = Assert.Single(bed.Written());
        Assert.Equal(mail.MessageId, result.Outputs["messageId"]!.GetValue<string>());
        Assert.Equal(mail.MessageId, again.Outputs["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plain_address_gets_the_default_working_hours_and_needs_no_register()
    {
        await using var bed = await CreateAsync(FridayAt1705);

        var result = await bed.Activity.ExecuteAsync(Context("extern@leverantor.se", "generic", new JsonObject { ["subject"] = "Ärende", ["body"] = "Text" }), default);

        Assert.Equal(MondayAt0700, SendAt(result));
        Assert.DoesNotContain("extern@", result.JournalNote);
        Assert.DoesNotContain("extern@", Assert.Single(await bed.Outbox.ListAsync(null, 10, default)).Recipient);
        var employee = await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Activity.ExecuteAsync(Context("E1001", "generic"), default));
        Assert.Contains("no register", employee.Message);
    }

    [Fact]
    public async Task A_mail_the_server_keeps_refusing_is_retried_then_failed_for_an_admin_who_can_retry_it()
    {
        await using var bed = await CreateAsync(TuesdayAt0930, new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:StartTls"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:05",
            ["Mail:Outbox:RetryDelays:0"] = "00:01:00",
            ["Mail:Outbox:RetryDelays:1"] = "00:05:00",
        }, FakeRegister.Person());
        await bed.Activity.ExecuteAsync(Context("E1001", "order-approved", Order()), default);

        Assert.Equal(0, await bed.SendDueAsync());
        var first = Assert.Single(await bed.Outbox.ListAsync(OutboxMailStatus.Pending, 10, default));
        Assert.Equal(1, first.Attempts);
        Assert.Equal(TuesdayAt0930.AddMinutes(1), first.NextAttemptAt);
        Assert.Equal(0, await bed.SendDueAsync()); // not due again yet: nothing tried
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        await bed.SendDueAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        await bed.SendDueAsync();

        var failed = Assert.Single(await bed.Outbox.ListAsync(OutboxMailStatus.Failed, 10, default));
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("The mail server could not be reached.", failed.LastError);
        var retried = await bed.Outbox.RetryAsync(failed.Id, default);
        Assert.Equal(OutboxMailStatus.Pending, retried!.Status);
        Assert.Equal(0, retried.Attempts);
        Assert.Equal(bed.Time.GetUtcNow(), retried.NextAttemptAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bed.Outbox.RetryAsync(failed.Id, default));
        Assert.Null(await bed.Outbox.RetryAsync(Guid.NewGuid(), default));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
        Assert.Empty(await bed.Outbox.ListAsync(null, 10, default));
    }

    [Fact]
    public void Its_descriptor_declares_the_inputs_and_outputs()
    {
        var descriptor = new ActivityCatalog([new ActivityRegistration(typeof(NotifyEmailActivity))]).Descriptor("Notify.Email");

        Assert.Equal(ActivityExecution.Inline, descriptor.Execution); // queues in the command's transaction
        Assert.Equal(["template", "to", "cc", "model", "urgent"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal(["messageId", "sendAt"], descriptor.Outputs.Select(o => o.Name));
    }
}
