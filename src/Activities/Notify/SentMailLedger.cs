using System.Globalization;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>
/// Which message ids the SMTP sender has handed to its server, and when: one small file per message
/// under <c>{Mail:Folder}/sent/</c>. A file, not a table, because it must be written after the server
/// accepted the message and outside any database transaction; it holds no addresses or contents.
/// </summary>
internal sealed class SentMailLedger(IOptions<MailOptions> options)
{
    private readonly string folder = Path.Combine(Path.GetFullPath(options.Value.Folder), "sent");

    public async Task<DateTimeOffset?> SentAtAsync(string messageId, CancellationToken ct)
    {
        var path = PathOf(messageId);
        if (!File.Exists(path)) return null;
        var text = await File.ReadAllTextAsync(path, ct);
        return DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public async Task RecordAsync(string messageId, DateTimeOffset sentAt, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(PathOf(messageId), sentAt.ToString("O", CultureInfo.InvariantCulture), ct);
    }

    private string PathOf(string messageId) => Path.Combine(folder, MessageIds.FileStem(messageId) + ".sent");
}
