using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Tests.Durability;

/// <summary>Waits for instances to complete the way a loaded CI machine needs it: while they keep completing.</summary>
internal static class CompletedInstances
{
    /// <summary>No completion at all for this long means something is stuck, not slow.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Polls <paramref name="query"/> (a list of completed instances) until it holds <paramref name="expected"/>
    /// or none has been added for <see cref="Stall"/>; returns the last list.
    /// </summary>
    public static async Task<List<JsonObject>> WaitForAsync(HttpClient client, string query, int expected)
    {
        var stalledSince = DateTime.UtcNow;
        List<JsonObject> done = [];
        while (true)
        {
            await Task.Delay(500);
            var now = (await client.GetFromJsonAsync<List<JsonObject>>(query))!;
            if (now.Count > done.Count) stalledSince = DateTime.UtcNow;
            done = now;
            if (done.Count >= expected || DateTime.UtcNow - stalledSince > Stall) return done;
        }
    }
}
