namespace RJH.DeviceWorkflows.Testing;

/// <summary>Valid IMEIs for tests: 14 digits from a number and the Luhn check digit.</summary>
public static class TestImei
{
    public static string For(long n)
    {
        var body = (35000000000000L + n).ToString("D14", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var d = body[i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return body + ((10 - sum % 10) % 10);
    }
}
