using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Privacy;

namespace RJH.DeviceWorkflows.Engine.Tests.Privacy;

/// <summary>Which variable names are personal: the operator's pattern and list, answered the same every time.</summary>
public sealed class PersonalVariableNameTests
{
    private static PersonalVariables Create(string pattern, params string[] names) =>
        new(new EphemeralDataProtectionProvider(), Options.Create(new PersonalVariableOptions { NamePattern = pattern, Names = [.. names] }));

    [Fact]
    public void A_name_is_personal_by_the_pattern_or_the_list_whatever_its_case_and_the_second_answer_is_the_first()
    {
        var personal = Create("^(ssn|personnummer)$", "homeAddress");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.True(personal.IsPersonal("SSN"));
            Assert.True(personal.IsPersonal("personnummer"));
            Assert.True(personal.IsPersonal("HomeAddress"));
            Assert.False(personal.IsPersonal("approved"));
            Assert.False(personal.IsPersonal("ssnCopy"));
            Assert.False(personal.IsPersonal(null));
        }
    }

    [Fact]
    public void A_name_the_pattern_cannot_decide_in_time_counts_as_personal_and_a_view_is_still_shown()
    {
        // Catastrophic backtracking: the match runs past its time limit, as it can on a loaded host.
        var personal = Create("^(a+)+$");
        var name = new string('a', 40) + "!";

        Assert.True(personal.IsPersonal(name));
        var shown = personal.Mask(new JsonObject { [name] = "hemligt", ["approved"] = true });
        Assert.Equal(PersonalVariables.HiddenValue, shown[name]!.GetValue<string>());
        Assert.True(shown["approved"]!.GetValue<bool>());
    }
}
