using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Registry.Tests.Devices;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("490154203237518", true)]   // the textbook example
    [InlineData("490154203237517", false)]  // last digit off
    [InlineData("490154203237581", false)]  // two digits swapped
    [InlineData("49015420323751", false)]   // 14 digits
    [InlineData("49015420323751a", false)]
    [InlineData("", false)]
    public void Imei_is_15_digits_with_a_Luhn_check_digit(string imei, bool valid) => Assert.Equal(valid, Imei.IsValid(imei));

    [Theory]
    [InlineData("070-123 45 67", "+46701234567")]
    [InlineData("+46 70 123 45 67", "+46701234567")]
    [InlineData("0046701234567", "+46701234567")]
    [InlineData("0763456789", "+46763456789")]
    public void A_Swedish_mobile_number_is_stored_as_E164(string input, string e164) => Assert.Equal(e164, SwedishMsisdn.Normalise(input));

    [Theory]
    [InlineData("063-14 20 00")]      // Östersund landline
    [InlineData("+47 412 34 567")]    // Norwegian mobile
    [InlineData("070-123")]
    [InlineData("not a number")]
    public void Landlines_foreign_and_malformed_numbers_are_refused(string input) => Assert.Null(SwedishMsisdn.Normalise(input));

    [Theory]
    [InlineData(DeviceStatus.InStock, DeviceStatus.Reserved)]
    [InlineData(DeviceStatus.Reserved, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.Assigned, DeviceStatus.InRepair)]
    [InlineData(DeviceStatus.InRepair, DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.InRepair, DeviceStatus.Retired)]
    [InlineData(DeviceStatus.Wiped, DeviceStatus.Retired)]
    [InlineData(DeviceStatus.OnLoan, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.Wiped, DeviceStatus.Lost)]
    public void Allowed_transitions(DeviceStatus from, DeviceStatus to) => Assert.True(DeviceLifecycle.IsAllowed(from, to));

    [Theory]
    [InlineData(DeviceStatus.InStock, DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.OnLoan, DeviceStatus.Wiped)]
    [InlineData(DeviceStatus.Retired, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.Lost, DeviceStatus.Lost)]
    [InlineData(DeviceStatus.Returned, DeviceStatus.InStock)]
    public void Forbidden_transitions(DeviceStatus from, DeviceStatus to) => Assert.False(DeviceLifecycle.IsAllowed(from, to));

    [Fact]
    public void A_forbidden_transition_names_the_allowed_ones()
    {
        var refused = Assert.Throws<RegisterTransitionException>(() => DeviceLifecycle.Ensure(DeviceStatus.Assigned, DeviceStatus.InStock));
        Assert.Equal(["InRepair", "Returned", "Lost"], refused.Allowed);
    }
}
