namespace RJH.DeviceWorkflows.Host.Features.Demo;

/// <summary>Section <c>Demo</c>: the demo organisation seeded into an empty register (docs/demo-data.md).</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo organisation on a start that finds no units in the register. The embedded default turns it on.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The demo data, relative paths looked for from the content root upwards like the other shipped content.</summary>
    public string DataFile { get; set; } = "workflows/demo/demo-data.json";
}
