using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>Builds the MIME message: plain text, UTF-8, quoted-printable, so å/ä/ö survive any relay.</summary>
public sealed class MailComposer(IOptions<MailOptions> options)
{
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public MimeMessage Compose(string idempotencyKey, MailRecipient to, IEnumerable<MailRecipient> cc, RenderedMail mail)
    {
        var message = new MimeMessage
        {
            MessageId = MessageIds.ForKey(idempotencyKey),
            Subject = mail.Subject,
        };
        message.From.Add(from);
        message.To.Add(Mailbox(to));
        message.Cc.AddRange(cc.Select(Mailbox));
        // RFC 3834: out-of-office replies are not sent back to an automatic sender.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new TextPart(MimeKit.Text.TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(Encoding.UTF8, mail.Body);
        message.Body = body;
        return message;
    }

    private static MailboxAddress Mailbox(MailRecipient recipient) =>
        new(Encoding.UTF8, recipient.Name ?? "", recipient.Email);
}
