using PhoneNumbers;

namespace RJH.DeviceWorkflows.Registry.Telephony;

/// <summary>Checks a subscription number with libphonenumber: it must be a Swedish mobile number; stored as E.164.</summary>
public static class SwedishMsisdn
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The number as E.164 (+46701234567), or null when it is not a valid Swedish mobile number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        try
        {
            var number = Numbers.Parse(input.Trim(), "SE");
            if (!Numbers.IsValidNumberForRegion(number, "SE")) return null;
            return Numbers.GetNumberType(number) == PhoneNumberType.MOBILE
                ? Numbers.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
