using System.Globalization;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;

/// <summary>
/// A Swedish personal identity number (personnummer) in its long form <c>YYYYMMDD-XXXX</c>. Accepts
/// <c>YYYYMMDD-XXXX</c> and <c>YYMMDD-XXXX</c> (<c>+</c> instead of <c>-</c> for someone 100 or older), checks the
/// date and the Luhn check digit over the last ten digits. <see cref="ToString"/> is the masked form, so an
/// accidental interpolation into a log line or message never shows the number.
/// </summary>
public sealed class PersonalNumber
{
    private const int DigitsAfterDate = 4;
    // Coordination numbers (samordningsnummer) add 60 to the day of birth.
    private const int CoordinationDayOffset = 60;

    private PersonalNumber(string birthDate, string lastFour)
    {
        BirthDate = birthDate;
        LastFour = lastFour;
    }

    /// <summary>Eight digits, YYYYMMDD.</summary>
    public string BirthDate { get; }

    private string LastFour { get; }

    /// <summary>The full number, <c>YYYYMMDD-XXXX</c>: only for encryption and for the parties allowed to see it.</summary>
    public string Full => $"{BirthDate}-{LastFour}";

    /// <summary><c>YYYYMMDD-****</c>: what lists, logs and everyone else get.</summary>
    public string Masked => Mask(BirthDate);

    public override string ToString() => Masked;

    public static string Mask(string birthDate) => $"{birthDate}-****";

    /// <summary>Reads and checks a number; <paramref name="today"/> settles the century of the short form.</summary>
    public static bool TryParse(string? text, DateOnly today, out PersonalNumber? number)
    {
        number = null;
        text = text?.Trim();
        if (text is not ({ Length: 11 } or { Length: 13 })) return false;
        var separator = text[^5];
        if (separator is not ('-' or '+')) return false;
        var datePart = text[..^5];
        var lastFour = text[^DigitsAfterDate..];
        if (!datePart.All(char.IsAsciiDigit) || !lastFour.All(char.IsAsciiDigit)) return false;
        // "+" only means something in the short form; a long form with "+" is a typing error.
        if (datePart.Length == 8 && separator == '+') return false;

        var fullDate = datePart.Length == 8 ? datePart : WithCentury(datePart, separator == '+', today);
        if (!IsValidDate(fullDate) || !Luhn(fullDate[2..] + lastFour)) return false;
        number = new PersonalNumber(fullDate, lastFour);
        return true;
    }

    private static string WithCentury(string shortDate, bool hundredOrOlder, DateOnly today)
    {
        // The latest year ending in these two digits that is not after this year; "+" makes it a century earlier.
        var twoDigits = int.Parse(shortDate[..2], CultureInfo.InvariantCulture);
        var year = today.Year - (today.Year - twoDigits) % 100;
        if (hundredOrOlder) year -= 100;
        return year.ToString("D4", CultureInfo.InvariantCulture) + shortDate[2..];
    }

    private static bool IsValidDate(string yyyymmdd)
    {
        var day = int.Parse(yyyymmdd[6..], CultureInfo.InvariantCulture);
        if (day > CoordinationDayOffset) day -= CoordinationDayOffset;
        var candidate = yyyymmdd[..6] + day.ToString("D2", CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact(candidate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>The Luhn (mod 10) check over the ten digits YYMMDDXXXX, weights 2,1,2,1…</summary>
    private static bool Luhn(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var value = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }
        return sum % 10 == 0;
    }
}
