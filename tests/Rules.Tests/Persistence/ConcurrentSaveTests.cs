using RJH.DeviceWorkflows.Rules.Tests.Support;

namespace RJH.DeviceWorkflows.Rules.Tests.Persistence;

public sealed class ConcurrentSaveTests
{
    [Fact]
    public async Task Concurrent_saves_of_one_set_get_distinct_versions()
    {
        await using var db = await TempPolicyStore.CreateAsync();
        var json = Repository.ReadPolicy(PolicySets.Financing);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => db.Policies.SaveDraftAsync(PolicySets.Financing, json, $"user{i}"))));

        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => r.Version!.Value).Order());
    }
}
