using RJH.DeviceWorkflows.Activities.Adapters.Rest;

namespace RJH.DeviceWorkflows.Activities.Adapters.Operator;

/// <summary><c>Adapters:Operator</c>.</summary>
public sealed class OperatorOptions : RestAdapterOptions
{
    public const string Section = "Adapters:Operator";
}
