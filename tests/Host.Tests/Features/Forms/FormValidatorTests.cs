using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Host.Features.Forms;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

public sealed class FormValidatorTests
{
    private static readonly FormSchema Form = FormSchema.Parse("days", JsonNode.Parse("""
        { "components": [ { "type": "number", "key": "days", "label": "Dagar", "validate": { "required": true, "min": 0, "max": 5 } } ] }
        """)!);

    public static TheoryData<string, JsonNode?, string?> Numbers => new()
    {
        // A page builds its values in memory: a whole number is a long there, not a double.
        { "built by a page", JsonValue.Create(2L), null },
        { "parsed from a request", JsonNode.Parse("2"), null },
        { "a fraction", JsonValue.Create(2.5), null },
        { "over the maximum", JsonValue.Create(6L), "Högst 5." },
        { "a text", JsonValue.Create("2"), "Ange ett tal." },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_is_checked_as_a_number_however_it_was_made(string how, JsonNode? value, string? error)
    {
        var result = FormValidator.Validate(Form, new JsonObject { ["days"] = value }, []);

        Assert.True(error is null ? result.IsValid : result.Errors["days"].Single().StartsWith(error.TrimEnd('.'), StringComparison.Ordinal),
            $"{how}: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }
}
