using System.Net;
using System.Net.Http.Json;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>Issue 13, hole 3: a clock advance beyond the bound is 400 and leaves the clock where it was.</summary>
public sealed class ClockBoundTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Theory]
    [InlineData("P9000000D")]
    [InlineData("P10675199D")]
    [InlineData("P3651D")]
    public async Task A_huge_advance_is_400_and_the_clock_keeps_running_where_it_was(string advance)
    {
        using var admin = await factory.ClientFor("admin");
        var before = await NowAsync(admin);

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advance }),
            HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]!["advance"]);
        var after = await NowAsync(admin);
        Assert.InRange(after, before, before + TimeSpan.FromMinutes(5));
        var moved = await HttpAssert.StatusAsync(await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "PT1M" }),
            HttpStatusCode.OK);
        Assert.InRange(moved!["now"]!.GetValue<DateTimeOffset>(), after + TimeSpan.FromMinutes(1), after + TimeSpan.FromMinutes(6));
    }

    private static async Task<DateTimeOffset> NowAsync(HttpClient admin) =>
        (await HttpAssert.StatusAsync(await admin.GetAsync("/api/admin/clock"), HttpStatusCode.OK))!["now"]!.GetValue<DateTimeOffset>();
}
