using RJH.DeviceWorkflows.Host.Infrastructure.Logging;

namespace RJH.DeviceWorkflows.Host.Tests.Infrastructure.Logging;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("pnr 19800101-0019 found", "pnr 19800101-**** found")]
    [InlineData("pnr=198001010019", "pnr=19800101-****")]
    [InlineData("\"800101-0019\"", "\"800101-****\"")]
    [InlineData("q=8001010019&x", "q=800101-****&x")]
    [InlineData("over hundred 191212+1212", "over hundred 191212-****")]
    [InlineData("samordningsnummer 19800161-0013", "samordningsnummer 19800161-****")]
    [InlineData("call +46 70-123 45 67 now", "call [phone **67] now")]
    [InlineData("call 070-123 45 67", "call [phone **67]")]
    [InlineData("msisdn +46701234567", "msisdn [phone **67]")]
    [InlineData("msisdn 46701234568,", "msisdn [phone **68],")]
    [InlineData("0046701234569", "[phone **69]")]
    [InlineData("GET /api/people?q=%2B46701234567", "GET /api/people?q=[phone **67]")]
    [InlineData("q=191212%2B1212", "q=191212-****")]
    public void Masks_personnummer_and_phone_numbers_in_any_form(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("instance 19800101-1234-4abc-8def-0123456789ab")] // a GUID that happens to start like one
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("at 2026-12-07 09:00:00.050 took 1234 ms")]
    [InlineData("ticks 638700000000000000")]
    [InlineData("order-20261207-0001 and IMEI 356938035643809")]
    [InlineData("19801301-0019 is no date")]
    public void Leaves_ids_dates_and_other_numbers_alone(string text) =>
        Assert.Equal(text, PersonalDataMasker.Mask(text));
}
