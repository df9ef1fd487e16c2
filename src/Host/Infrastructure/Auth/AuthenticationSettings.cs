namespace RJH.DeviceWorkflows.Host.Infrastructure.Auth;

/// <summary>Settings of the section "Authentication".</summary>
internal sealed class AuthenticationSettings
{
    public const string Section = "Authentication";
    public const string DemoMode = "Demo";

    public const string OidcMode = "Oidc";

    /// <summary>"Demo" (the embedded default): named demo users get tokens without a password.
    /// "Oidc": people sign in with Entra ID or another OpenID Connect provider (settings "AzureAd" and
    /// <see cref="OidcSettings"/>) and the API accepts that provider's access tokens.</summary>
    public string Mode { get; set; } = DemoMode;

    public bool IsDemo => string.Equals(Mode, DemoMode, StringComparison.OrdinalIgnoreCase);
    public bool IsOidc => string.Equals(Mode, OidcMode, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Settings of the section "DataProtection".</summary>
internal sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>Where the key ring is kept, relative to the content root; persisted so tokens survive a restart.</summary>
    public string KeysPath { get; set; } = "data/keys";
}
