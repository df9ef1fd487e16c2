using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

/// <summary><c>Adapters:Operator</c>.</summary>
public sealed class OperatorOptions : RestAdapterOptions
{
    public const string Section = "Adapters:Operator";

    /// <summary>The operator's name as the register records it on the subscriptions the workflows order (e.g. "Telia").</summary>
    public string Name { get; set; } = "Operatören";
}
