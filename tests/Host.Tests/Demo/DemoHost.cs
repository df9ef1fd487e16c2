using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Demo;

/// <summary>A host that seeded the demo organisation into its fresh register, shared by a test class.</summary>
public sealed class DemoHost : IAsyncLifetime
{
    internal HostFactory Factory { get; } = HostFactory.WithDemo();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
