namespace RJH.DeviceWorkflows.Activities.Adapters.Simulation;

/// <summary>Settings of a simulated outside system (<c>Adapters:&lt;System&gt;:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>Delay of every call, so the asynchronous paths behave as with a real system.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Share of calls (0..1) that fail as unavailable before touching any state.</summary>
    public double FailureRate { get; set; }

    /// <summary>Seed of the failure dice; set it to make a run repeatable. Unset: a new seed per start.</summary>
    public int? Seed { get; set; }
}
