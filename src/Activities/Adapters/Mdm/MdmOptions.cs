using RJH.DeviceWorkflows.Activities.Adapters.Simulation;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

public enum MdmMode { Simulator, Intune }

/// <summary><c>Adapters:Mdm</c>.</summary>
public sealed class MdmOptions
{
    public const string Section = "Adapters:Mdm";

    public MdmMode Mode { get; set; } = MdmMode.Simulator;

    /// <summary>Name of the region's configuration profile, as the simulator records it on enrolled devices.</summary>
    public string ConfigurationProfile { get; set; } = "RJH Standard";

    /// <summary>
    /// Intune's custom notification reaches Entra ID groups only, so a person is reached through a group holding just
    /// them: the group id, from the person's <c>{employeeId}</c> and <c>{userName}</c>.
    /// </summary>
    public string PersonNotificationGroup { get; set; } = "push-{employeeId}";

    public string PersonGroupOf(string employeeId, string userName) =>
        PersonNotificationGroup.Replace("{employeeId}", employeeId, StringComparison.Ordinal).Replace("{userName}", userName, StringComparison.Ordinal);

    public SimulatorOptions Simulator { get; set; } = new();

    public IntuneOptions Intune { get; set; } = new();
}

/// <summary><c>Adapters:Mdm:Intune</c>: an Entra ID app registration with application permission
/// DeviceManagementManagedDevices.ReadWrite.All and DeviceManagementManagedDevices.PrivilegedOperations.All
/// (and DeviceManagementServiceConfig.ReadWrite.All for Company Portal notifications).</summary>
public sealed class IntuneOptions
{
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    /// <summary>A secret: keep it out of appsettings.json (environment variable or a key vault).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Microsoft Graph v1.0 endpoint (another cloud, or a test server).</summary>
    public Uri BaseAddress { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>Graph's beta endpoint: changing a device's primary user exists only there.</summary>
    public Uri BetaBaseAddress { get; set; } = new("https://graph.microsoft.com/beta");

    /// <summary>Longest wait for one Graph call, the SDK's own retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
