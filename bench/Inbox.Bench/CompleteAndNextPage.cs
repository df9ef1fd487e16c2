using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Bench;

/// <summary>
/// P3 as a manager meets it on Mina uppgifter: complete the first task of the page (POST /api/tasks/{id}/complete with
/// the form's values), then read the page again as the page asks for it (25 tasks, soonest due first, counted).
/// One pair after the other, after a warm-up; each pair and each half timed on the client, HTTP included.
/// </summary>
internal sealed class CompleteAndNextPage(HttpClient http, int samples, int warmUp = 30)
{
    public const string PageRequest = "/api/tasks?limit=25&sort=due";
    private static readonly JsonObject Approve = new() { ["variables"] = new JsonObject { ["approved"] = true } };

    public async Task RunAsync()
    {
        var (page, total, _) = await PageAsync();
        await ProveFormIsCheckedAsync(page[0]);
        var pairs = new List<double>();
        var completions = new List<double>();
        var pages = new List<double>();
        for (var i = 0; i < samples + warmUp; i++)
        {
            var task = page[0];
            var clock = Stopwatch.StartNew();
            using (var completed = await http.PostAsJsonAsync($"/api/tasks/{task}/complete", Approve))
                await Expect(completed, HttpStatusCode.OK);
            var completion = clock.Elapsed.TotalMilliseconds;
            var (next, left, capped) = await PageAsync();
            var pair = clock.Elapsed.TotalMilliseconds;
            // The completed task has left the page and the count (an exact one; a capped count stays at its cap):
            // the pair did what a person would see.
            if (next.Contains(task) || (!capped && left != total - 1))
                throw new InvalidOperationException($"Task {task} completed but the next page still shows it ({left} of {total} left).");
            (page, total) = (next, left);
            if (i < warmUp) continue;
            pairs.Add(pair);
            completions.Add(completion);
            pages.Add(pair - completion);
        }
        Console.WriteLine($"  {samples} pairs after {warmUp} to warm up; the page counts {total:N0} tasks open (up to its cap), p50 / p95 / p99 ms:");
        Print("complete + next page (the pair)", pairs);
        Print("POST /api/tasks/{id}/complete", completions);
        Print($"GET {PageRequest}", pages);
    }

    /// <summary>The completion goes through the task's form: a post without the required decision is refused.</summary>
    private async Task ProveFormIsCheckedAsync(Guid task)
    {
        using var refused = await http.PostAsJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["variables"] = new JsonObject() });
        await Expect(refused, HttpStatusCode.BadRequest);
    }

    private async Task<(List<Guid> Tasks, int Total, bool Capped)> PageAsync()
    {
        using var response = await http.GetAsync(PageRequest);
        await Expect(response, HttpStatusCode.OK);
        var tasks = (await response.Content.ReadFromJsonAsync<JsonArray>())!
            .Select(t => t!["id"]!.GetValue<Guid>()).ToList();
        return (tasks, int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture),
            response.Headers.Contains("X-Total-Count-Capped"));
    }

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, not {(int)status}: " +
                await response.Content.ReadAsStringAsync());
    }

    private static void Print(string what, List<double> latencies)
    {
        latencies.Sort();
        double At(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Round(q * (latencies.Count - 1)))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-40} p50 {At(0.50),6:F1}  p95 {At(0.95),6:F1}  p99 {At(0.99),6:F1} ms"));
    }
}
