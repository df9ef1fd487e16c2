using System.Globalization;

namespace RJH.DeviceWorkflows.Activities.Adapters.Supplier;

/// <summary>
/// Made-up devices the simulated supplier delivers. The IMEIs are well-formed (14 digits and a Luhn check digit) so
/// they pass the register's validation, and begin with TAC 35999999, which no real model uses here.
/// </summary>
internal static class SimulatedDevices
{
    private const string MadeUpTac = "35999999";

    public static DeliveredDevice Create(int n, SupplierDeviceType type, string? model) => new(
        Imei(n),
        $"RJHSIM{n.ToString("D6", CultureInfo.InvariantCulture)}",
        model ?? DefaultModel(type));

    public static string Imei(int n)
    {
        var body = MadeUpTac + (n % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return body + LuhnCheckDigit(body);
    }

    /// <summary>The digit that makes <paramref name="body"/> plus it pass the Luhn check (ISO/IEC 7812-1, used by IMEIs).</summary>
    public static char LuhnCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            // The check digit will stand right of the body, so the body's last digit is the first one doubled.
            if (i % 2 == 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    // Rugged models of the kind a ward uses; any text would do for the register.
    private static string DefaultModel(SupplierDeviceType type) => type switch
    {
        SupplierDeviceType.Tablet => "Samsung Galaxy Tab Active5",
        _ => "Samsung Galaxy XCover7",
    };
}
