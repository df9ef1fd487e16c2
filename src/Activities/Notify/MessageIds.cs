using System.Security.Cryptography;
using System.Text;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>Message ids derived from idempotency keys, and file names derived from message ids.</summary>
internal static class MessageIds
{
    private const string Domain = "device-workflows.regionjh.se";

    /// <summary>
    /// The same key always gives the same id, so a retried job sends the same message (and a receiving
    /// client that sees it twice shows it once). Hashed: the key names an instance and is no address syntax.
    /// </summary>
    public static string ForKey(string idempotencyKey) => $"{Hash(idempotencyKey)}@{Domain}";

    /// <summary>A file name stem safe on every file system, for any message id.</summary>
    public static string FileStem(string messageId) => Hash(messageId);

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
