using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

/// <summary><c>Adapters:Telephony</c>.</summary>
public sealed class TelephonyOptions : RestAdapterOptions
{
    public const string Section = "Adapters:Telephony";
}
