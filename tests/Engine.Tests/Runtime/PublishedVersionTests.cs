using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Engine.Runtime;
using static RJH.DeviceWorkflows.Engine.Tests.Runtime.Bpmn;

namespace RJH.DeviceWorkflows.Engine.Tests.Runtime;

/// <summary>
/// Starts use the newest published version, whose number the engine remembers for a short time
/// (<see cref="EngineOptions.PublishedVersionCacheTime"/>): a publish on the same host counts at once, one on another
/// host once the remembered number is older than the cache time.
/// </summary>
public sealed class PublishedVersionTests
{
    private static readonly string Model = Process("versioned", """<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />""" + Chain("f", "start", "end"));

    [Fact]
    public async Task A_version_published_on_this_host_is_started_at_once()
    {
        await using var h = await EngineHarness.CreateAsync(DatabaseKind.Sqlite);
        await h.DeployAsync(Model);
        Assert.Equal(1, (await h.StartAsync("versioned")).Version);

        await h.DeployAsync(Model);
        Assert.Equal(2, (await h.StartAsync("versioned")).Version);

        await h.DeployAsync(Model, publish: false);
        Assert.Equal(2, (await h.StartAsync("versioned")).Version);
        await h.Engine.PublishAsync("versioned", 3, EngineHarness.Admin);
        Assert.Equal(3, (await h.StartAsync("versioned")).Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task A_version_another_host_published_is_started_once_the_remembered_number_is_older_than_the_cache_time(int cacheMilliseconds)
    {
        var cacheTime = TimeSpan.FromMilliseconds(cacheMilliseconds);
        await using var h = await EngineHarness.CreateAsync(DatabaseKind.Sqlite,
            s => s.Configure<EngineOptions>(o => o.PublishedVersionCacheTime = cacheTime));
        await h.DeployAsync(Model);
        await h.DeployAsync(Model, publish: false);
        Assert.Equal(1, (await h.StartAsync("versioned")).Version);

        // Another host publishes version 2: the row changes, this host's engine is not told.
        await using (var tx = await h.Store.BeginAsync())
        {
            (await tx.LoadDefinitionAsync("versioned", 2))!.Published = true;
            await tx.CommitAsync();
        }
        await Task.Delay(cacheTime + TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, (await h.StartAsync("versioned")).Version);
    }

    [Fact]
    public async Task An_older_number_read_while_a_version_was_published_does_not_replace_it()
    {
        var versions = new PublishedVersions(Options.Create(new EngineOptions()));
        versions.Remember("p", 5);
        versions.Remember("p", 4);

        Assert.Equal(5, await versions.GetAsync("p", () => throw new InvalidOperationException("read the database")));
        Assert.Null(await versions.GetAsync("other", () => Task.FromResult<int?>(null)));
    }
}
