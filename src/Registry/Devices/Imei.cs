namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>An IMEI is 15 digits whose last is a Luhn check digit; a typo in one digit is caught.</summary>
public static class Imei
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 15 || !value.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var digit = value[i] - '0';
            // Luhn: every second digit from the right, the check digit not counted, is doubled.
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9) digit -= 9;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
