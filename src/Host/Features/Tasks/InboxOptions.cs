namespace RJH.DeviceWorkflows.Host.Features.Tasks;

/// <summary>How the inbox (Mina uppgifter and <c>GET /api/tasks</c>) counts what matches.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// The count stops at the first multiple of this past the page shown ("Fler än 1 000"): counting every one of
    /// 100,000 open tasks costs more than the page itself. <c>count=exact</c> still counts them all.
    /// </summary>
    public int CountStep { get; set; } = 1000;

    internal static IServiceCollection AddInbox(IServiceCollection services)
    {
        services.AddOptions<InboxOptions>().BindConfiguration(Section)
            .Validate(o => o.CountStep >= 1, "Inbox:CountStep must be 1 or more (default 1000).")
            .ValidateOnStart();
        return services;
    }
}
