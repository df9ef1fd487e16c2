using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>
/// The newest published version of each process key, remembered for <see cref="EngineOptions.PublishedVersionCacheTime"/>.
/// Every start asks it, and on PostgreSQL the question was one of a ten-step start's three round trips (P1,
/// docs/benchmarks.md). A published version is never withdrawn and version numbers only grow, so a remembered number
/// can only lag behind: a publish on this host is remembered as soon as it commits, one on another host is seen
/// within the cache time — as the policy engine does with its published rule sets.
/// </summary>
internal sealed class PublishedVersions(IOptions<EngineOptions> options)
{
    // Remembered in the machine's monotonic time: how long a number may lag is not business time.
    private readonly ConcurrentDictionary<string, (int Version, long At)> known = new(StringComparer.Ordinal);

    /// <param name="read">Reads the number from the database when it is not remembered or too old.</param>
    public async Task<int?> GetAsync(string key, Func<Task<int?>> read)
    {
        var lifetime = options.Value.PublishedVersionCacheTime;
        if (lifetime > TimeSpan.Zero && known.TryGetValue(key, out var remembered)
            && Stopwatch.GetElapsedTime(remembered.At) < lifetime)
            return remembered.Version;
        var version = await read();
        if (version is { } found && lifetime > TimeSpan.Zero) Remember(key, found);
        return version;
    }

    /// <summary>A version of <paramref name="key"/> is published; an older number read meanwhile does not replace it.</summary>
    public void Remember(string key, int version)
    {
        var now = Stopwatch.GetTimestamp();
        known.AddOrUpdate(key, (version, now), (_, remembered) => (Math.Max(remembered.Version, version), now));
    }
}
