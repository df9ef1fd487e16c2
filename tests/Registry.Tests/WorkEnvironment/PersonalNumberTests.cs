using RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment;

public sealed class PersonalNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("19800101-1231", "19800101-1231")]
    [InlineData("800101-1231", "19800101-1231")]
    [InlineData("121212-1212", "20121212-1212")]
    [InlineData("121212+1212", "19121212-1212")]
    [InlineData(" 19900315-4565 ", "19900315-4565")]
    [InlineData("19800161-1238", "19800161-1238")] // a coordination number: day + 60
    public void Reads_long_and_short_forms_into_the_long_form(string text, string full)
    {
        Assert.True(PersonalNumber.TryParse(text, Today, out var number));
        Assert.Equal(full, number!.Full);
    }

    [Theory]
    [InlineData("19800101-1232")] // check digit
    [InlineData("19800230-1231")] // no such date
    [InlineData("198001011231")]  // no separator
    [InlineData("19800101+1231")] // "+" only in the short form
    [InlineData("1980-01-01-1231")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_valid_number(string? text)
    {
        Assert.False(PersonalNumber.TryParse(text, Today, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void Shows_itself_masked()
    {
        PersonalNumber.TryParse("800101-1231", Today, out var number);

        Assert.Equal("19800101-****", number!.Masked);
        Assert.Equal("19800101-****", $"{number}");
    }
}
