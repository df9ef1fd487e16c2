using MailKit.Security;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <summary>Where sent mail goes: files for the embedded default and tests, an SMTP server in production.</summary>
public enum MailMode { Files, Smtp }

/// <summary>Settings of section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Files;

    /// <summary>The sender, as an RFC 5322 mailbox (a display name may stand before the address).</summary>
    public string From { get; set; } = "RJH Mobila enheter <noreply@regionjh.se>";

    /// <summary>
    /// Mode Files: one <c>.eml</c> per message here. Mode Smtp: the record of sent message ids, in
    /// <c>sent/</c> below it. Relative to the working directory, like the database file.
    /// </summary>
    public string Folder { get; set; } = "data/mail";

    /// <summary>
    /// The Liquid templates (<c>{name}.sv.liquid</c>). A relative path is looked for from the working
    /// directory and the application folder upwards, so `dotnet run` and the tests find the repository's.
    /// </summary>
    public string TemplateFolder { get; set; } = "workflows/templates";

    public SmtpOptions Smtp { get; set; } = new();

    public Outbox.MailOutboxOptions Outbox { get; set; } = new();
}

/// <summary>Settings of section <c>Mail:Smtp</c>, used when <see cref="MailOptions.Mode"/> is Smtp.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    /// <summary>StartTls (required), StartTlsWhenAvailable, SslOnConnect, None or Auto (MailKit's names).</summary>
    public SecureSocketOptions StartTls { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Empty: the server is used without authentication (a relay that trusts the host).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
