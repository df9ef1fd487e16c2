using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RJH.DeviceWorkflows.Engine.Privacy;

/// <summary>
/// Finds Swedish personnummer (and samordningsnummer) in free text: <c>YYYYMMDD-NNNN</c>, <c>YYYYMMDDNNNN</c>,
/// <c>YYMMDD-NNNN</c> and <c>YYMMDD+NNNN</c>, with a real date and a correct Luhn check digit. Ten bare digits
/// (<c>YYMMDDNNNN</c>) are left alone on purpose: a Swedish mobile number (070…) has that shape and one in ten would
/// pass the check, so treating them as personnummer would refuse ordinary phone numbers.
/// </summary>
public static partial class PersonalNumberText
{
    private const int CoordinationDayOffset = 60;

    public static bool Contains(string text) => Matches(text).Any();

    /// <summary>The text with every personnummer in it as <c>YYYYMMDD-****</c> (<c>YYMMDD-****</c> for the short form).</summary>
    public static string Mask(string text)
    {
        if (!MayHold(text)) return text;
        return Candidate().Replace(text, m => IsValid(m) ? m.Groups["century"].Value + m.Groups["date"].Value + "-****" : m.Value);
    }

    /// <summary>
    /// The path (<c>variables.employee.notes[1]</c>) of the first value, at any depth, that holds a personnummer: a string
    /// with one in it, or a whole number that is one (twelve digits, as a careless client sends it); null when none does.
    /// </summary>
    public static string? FindIn(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Select(p => FindIn(p.Value, $"{path}.{p.Key}")).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select((item, i) => FindIn(item, $"{path}[{i}]")).FirstOrDefault(found => found is not null),
        JsonValue v when v.TryGetValue<string>(out var text) && Contains(text) => path,
        JsonValue v when v.TryGetValue<long>(out var number) && Contains(number.ToString(CultureInfo.InvariantCulture)) => path,
        _ => null,
    };

    private static IEnumerable<Match> Matches(string text) =>
        MayHold(text) ? Candidate().Matches(text).Where(IsValid) : [];

    // Most values are ids and words: no regex for text with too few digits to hold a number.
    private static bool MayHold(string text) => text.Length >= 11 && text.Count(char.IsAsciiDigit) >= 10;

    private static bool IsValid(Match m)
    {
        var date = m.Groups["date"].Value;
        var century = m.Groups["century"].Value;
        var day = int.Parse(date[4..], CultureInfo.InvariantCulture);
        if (day > CoordinationDayOffset) day -= CoordinationDayOffset;
        // Without a century the year is unknown: 2000 is a leap year, so 29 February counts as a date.
        var year = century.Length > 0 ? century + date[..2] : "20" + date[..2];
        var calendarDate = year + date[2..4] + day.ToString("D2", CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact(calendarDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && LuhnValid(date + m.Groups["serial"].Value);
    }

    /// <summary>Mod 10 over YYMMDDNNNN: every other digit from the first doubled, the digits of each product summed.</summary>
    private static bool LuhnValid(string tenDigits) =>
        tenDigits.Select((c, i) => (c - '0') << (1 - i % 2)).Sum(n => n / 10 + n % 10) % 10 == 0;

    /// <summary>A long form (century 19/20, dash optional) or a short form with its dash or plus; nothing word-like beside it.</summary>
    [GeneratedRegex(@"(?<![\w.+-])(?:(?<century>19|20)(?<date>\d{6})-?|(?<date>\d{6})[-+])(?<serial>\d{4})(?![\w-])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Candidate();
}
