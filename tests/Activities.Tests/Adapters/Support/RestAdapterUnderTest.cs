using Microsoft.Extensions.DependencyInjection;

namespace RJH.DeviceWorkflows.Activities.Tests.Adapters.Support;

/// <summary>A REST adapter, registered by AddAdapters, talking to a fake supplier; disposing stops both.</summary>
public sealed class RestAdapterUnderTest<TClient> : IAsyncDisposable where TClient : notnull
{
    private readonly ServiceProvider _services;

    public RestAdapterUnderTest(string system, Func<RecordedRequest, FakeResponse> route, int maxRetries = 2)
    {
        Supplier = new FakeSupplier(route);
        _services = AdapterHost.Rest(system, Supplier, maxRetries, Log);
        Client = _services.GetRequiredService<TClient>();
    }

    public TClient Client { get; }

    /// <summary>What the adapter logged.</summary>
    public CapturedLog Log { get; } = new();

    public FakeSupplier Supplier { get; }

    public IReadOnlyList<RecordedRequest> Requests => Supplier.Requests;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Supplier.DisposeAsync();
    }
}
