namespace RJH.DeviceWorkflows.Host.Tests.Durability;

/// <summary>
/// The durability tests start whole host processes and load both cores; run them alone so their
/// timing does not depend on what other test classes happen to do at the same moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    public const string Name = "Durability";
}
