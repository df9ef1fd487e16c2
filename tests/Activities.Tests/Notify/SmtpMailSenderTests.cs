using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Activities.Tests.Notify.Support;
using static RJH.DeviceWorkflows.Activities.Tests.Notify.Support.MailTestBed;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

/// <summary>
/// Notify.Email in mode Smtp through a real SMTP server on loopback (aiosmtpd). Without Python's aiosmtpd
/// the test is skipped on a developer's machine and fails on CI (environment variable CI set), where
/// .ci/run installs it.
/// </summary>
public sealed class SmtpMailSenderTests
{
    [SkippableFact]
    public async Task A_mail_arrives_at_a_real_smtp_server_with_swedish_letters_intact_and_is_not_sent_twice()
    {
        using var sink = await SmtpSink.StartOrSkipAsync();
        await using var bed = await CreateAsync(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1)), new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:From"] = "RJH Mobila enheter <noreply@regionjh.se>",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:StartTls"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:10",
        }, FakeRegister.Person());
        var context = Context("E1001", "order-rejected",
            JsonNode.Parse("""{"deviceType":"Tablet","justification":"Behovet är redan täckt av enhetens lånepool (Östra Ågården)."}""")!.AsObject());

        var first = await bed.Activity.ExecuteAsync(context, default);
        await bed.SendDueAsync();
        var again = await bed.Activity.ExecuteAsync(context, default);
        await bed.SendDueAsync();

        var (from, to, message) = Assert.Single(sink.Received());
        Assert.Equal("noreply@regionjh.se", from);
        Assert.Equal(["asa.oberg@regionjh.se"], to);
        Assert.Equal("Din chef har inte godkänt beställningen av surfplatta", message.Subject);
        Assert.Equal("RJH Mobila enheter", message.From.Mailboxes.Single().Name);
        Assert.Equal("Åsa Öberg", message.To.Mailboxes.Single().Name);
        Assert.StartsWith("Hej Åsa Öberg,", message.TextBody);
        Assert.Contains("Motivering: Behovet är redan täckt av enhetens lånepool (Östra Ågården).", message.TextBody);
        Assert.Equal(first.Outputs["messageId"]!.GetValue<string>(), message.MessageId);
        Assert.Equal(first.Outputs["messageId"]!.GetValue<string>(), again.Outputs["messageId"]!.GetValue<string>());
        Assert.Empty(bed.Written()); // mode Smtp writes no .eml files
    }
}
