using System.Net;
using System.Net.Http.Json;
using System.Text;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Security;

/// <summary>
/// Issue 13, hole 6: an organisation import that would flag more than Register:MaxOffboardingShare (10 %) of the
/// people for offboarding is refused with the count, unless sent again with <c>?confirmRemovals=true</c>.
/// </summary>
public sealed class OrgImportShareTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private static readonly object OrgExport = new
    {
        units = new object[]
        {
            new { id = "HS", name = "Hälso- och sjukvårdsförvaltningen", level = "Administration" },
            new { id = "OST", name = "Område Östersund", level = "Area", parentId = "HS" },
            new { id = "AKUT", name = "Akutmottagningen", level = "Unit", parentId = "OST", managerEmployeeId = "E100" },
        },
        people = new object[]
        {
            new { employeeId = "E100", userName = "anna.chef", name = "Anna Chef", unitId = "AKUT", roles = new[] { "Manager", "Employee" } },
            new { employeeId = "E300", userName = "erik.anstalld", name = "Erik Anställd", unitId = "AKUT" },
            new { employeeId = "E400", userName = "maja.mobil", name = "Maja Mobil", unitId = "AKUT" },
        },
    };

    [Theory]
    [InlineData("application/json", """{"units":[],"people":[]}""")]
    [InlineData("application/json", "{}")]
    [InlineData("text/csv", "employeeId;userName;name;email;unitId;unitName;areaId;areaName;administrationId;administrationName;managesUnit;roles")]
    public async Task An_import_that_would_flag_everyone_is_409_with_the_count_and_flags_no_one(string mediaType, string body)
    {
        using var hr = await factory.ClientFor("hanna.hr");
        await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK);

        var problem = await HttpAssert.ProblemAsync(await hr.PostAsync("/api/org/import", new StringContent(body, Encoding.UTF8, mediaType)),
            HttpStatusCode.Conflict);

        Assert.Equal(3, problem["wouldFlagForOffboarding"]!.GetValue<int>());
        Assert.Equal(3, problem["people"]!.GetValue<int>());
        Assert.Contains("confirmRemovals=true", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var people = await HttpAssert.ArrayAsync(await hr.GetAsync("/api/people"));
        Assert.All(people, p => Assert.False(p!["flaggedForOffboarding"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Confirmed_the_same_import_flags_them_and_says_how_many()
    {
        using var factory = HostFactory.With();
        using var hr = await factory.ClientFor("hanna.hr");
        await HttpAssert.StatusAsync(await hr.PostAsJsonAsync("/api/org/import", OrgExport), HttpStatusCode.OK);

        var result = await HttpAssert.StatusAsync(await hr.PostAsync("/api/org/import?confirmRemovals=true",
            new StringContent("""{"units":[],"people":[]}""", Encoding.UTF8, "application/json")), HttpStatusCode.OK);

        Assert.Equal(3, result!["flaggedForOffboarding"]!.GetValue<int>());
    }
}
