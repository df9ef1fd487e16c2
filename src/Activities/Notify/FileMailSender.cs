using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// The embedded default: writes each message as an <c>.eml</c> file (RFC 5322, opens in any mail client)
/// under <see cref="MailOptions.Folder"/>, named after its message id. An existing file means the
/// message was sent, so a retried job writes nothing.
/// </summary>
internal sealed class FileMailSender(IOptions<MailOptions> options, TimeProvider time, ILogger<FileMailSender> logger) : IMailSender
{
    private readonly string folder = Path.GetFullPath(options.Value.Folder);

    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.MessageId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, MessageIds.FileStem(message.MessageId) + ".eml");
        if (File.Exists(path))
        {
            var earlier = await MimeMessage.LoadAsync(path, ct);
            logger.LogInformation("Mail {MessageId} was already written; not written again", message.MessageId);
            return new MailReceipt(message.MessageId, earlier.Date, AlreadySent: true);
        }

        message.Date = time.GetUtcNow();
        // Written beside it and then moved: a crash mid-write leaves no half file that would count as sent.
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another run of the same job won the race: its file stands.
            return new MailReceipt(message.MessageId, (await MimeMessage.LoadAsync(path, ct)).Date, AlreadySent: true);
        }
        finally
        {
            File.Delete(partial);
        }
        logger.LogInformation("Mail {MessageId} written to the mail folder", message.MessageId);
        return new MailReceipt(message.MessageId, message.Date, AlreadySent: false);
    }
}
