using System.Collections.Concurrent;
using RJH.DeviceWorkflows.Engine.Runtime.Jobs;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>Collects what the engine dispatches so a test decides when jobs run.</summary>
public sealed class ManualJobDispatcher : IJobDispatcher
{
    public ConcurrentQueue<(Guid Id, DateTimeOffset? NotBefore)> Jobs { get; } = new();

    public void DispatchJob(Guid jobId, DateTimeOffset? notBefore) => Jobs.Enqueue((jobId, notBefore));
}
