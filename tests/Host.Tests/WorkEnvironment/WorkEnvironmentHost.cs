using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Host.Tests.Support;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Host.Tests.WorkEnvironment;

/// <summary>The real Host on its own SQLite file, with <see cref="DemoOrganisation"/> as the register directory.</summary>
public sealed class WorkEnvironmentHost : IAsyncLifetime
{
    internal HostFactory Factory { get; } = new HostFactory()
        .ConfigureTestServices(services => services.AddSingleton<IRegisterDirectory, DemoOrganisation>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
