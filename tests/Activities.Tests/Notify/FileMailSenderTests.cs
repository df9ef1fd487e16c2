using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using RJH.DeviceWorkflows.Activities.Notify;
using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

public sealed class FileMailSenderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rjh-mail-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
    private readonly IOptions<MailOptions> options;

    public FileMailSenderTests() => options = Options.Create(new MailOptions { Folder = folder });

    private FileMailSender Sender() => new(options, time, NullLogger<FileMailSender>.Instance);

    /// <summary>A fresh message each time, as a retried job composes it again.</summary>
    internal static MimeMessage Message(IOptions<MailOptions> options, string key = "instance-1/token/mail/1") =>
        new MailComposer(options).Compose(key,
            new MailRecipient("E1001", "Åsa Öberg", "asa.oberg@regionjh.se", WorkingHours.Default),
            [new MailRecipient(null, null, "chef@regionjh.se", WorkingHours.Default)],
            new RenderedMail("Din beställning är godkänd – välkommen att hämta", "Hej Åsa Öberg,\n\nLåt oss träffas på måndag.\n"));

    [Fact]
    public async Task Writes_one_parseable_eml_with_swedish_letters_intact()
    {
        var receipt = await Sender().SendAsync(Message(options));

        var path = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var raw = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("å", raw); // encoded on the wire: RFC 2047 subject, quoted-printable body
        var written = await MimeMessage.LoadAsync(path);
        Assert.Equal("Din beställning är godkänd – välkommen att hämta", written.Subject);
        Assert.Equal("Hej Åsa Öberg,\n\nLåt oss träffas på måndag.\n", written.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal("noreply@regionjh.se", written.From.Mailboxes.Single().Address);
        Assert.Equal("Åsa Öberg", written.To.Mailboxes.Single().Name);
        Assert.Equal("chef@regionjh.se", written.Cc.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", written.Headers["Auto-Submitted"]);
        Assert.Equal(receipt.MessageId, written.MessageId);
        Assert.Equal(time.GetUtcNow(), receipt.SentAt);
        Assert.False(receipt.AlreadySent);
    }

    [Fact]
    public async Task The_same_idempotency_key_is_written_once_and_answers_with_the_first_receipt()
    {
        var first = await Sender().SendAsync(Message(options));
        time.Advance(TimeSpan.FromMinutes(5));

        var again = await Sender().SendAsync(Message(options));
        var other = await Sender().SendAsync(Message(options, key: "instance-2/token/mail/1"));

        Assert.True(again.AlreadySent);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(first.SentAt, again.SentAt);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
