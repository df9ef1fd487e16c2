using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace RJH.DeviceWorkflows.Rules.Calendar;

/// <summary>
/// Swedish public holidays (allmänna helgdagar) and the eves that are days off in the region's
/// agreements (midsommarafton, julafton, nyårsafton). Computed, not looked up: no list to maintain.
/// </summary>
public static class SwedishHolidays
{
    private static readonly ConcurrentDictionary<int, FrozenDictionary<DateOnly, string>> Years = new();

    /// <summary>The days off of <paramref name="year"/> with their Swedish names.</summary>
    public static IReadOnlyDictionary<DateOnly, string> DaysOff(int year) => Years.GetOrAdd(year, Compute);

    public static bool IsDayOff(DateOnly date) => DaysOff(date.Year).ContainsKey(date);

    public static string? NameOf(DateOnly date) => DaysOff(date.Year).GetValueOrDefault(date);

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRest = century % 4;
        var moonCorrection = (century + 8) / 25;
        var moonShift = (century - moonCorrection + 1) / 3;
        var epact = (19 * golden + century - leapCenturies - moonShift + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRest = yearOfCentury % 4;
        var weekday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7;
        var late = (golden + 11 * epact + 22 * weekday) / 451;
        var monthDay = epact + weekday - 7 * late + 114;
        return new DateOnly(year, monthDay / 31, monthDay % 31 + 1);
    }

    private static FrozenDictionary<DateOnly, string> Compute(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        return new Dictionary<DateOnly, string>
        {
            [new(year, 1, 1)] = "Nyårsdagen",
            [new(year, 1, 6)] = "Trettondedag jul",
            [easter.AddDays(-2)] = "Långfredagen",
            [easter] = "Påskdagen",
            [easter.AddDays(1)] = "Annandag påsk",
            [new(year, 5, 1)] = "Första maj",
            [easter.AddDays(39)] = "Kristi himmelsfärdsdag",
            [easter.AddDays(49)] = "Pingstdagen",
            [new(year, 6, 6)] = "Sveriges nationaldag",
            [midsummerEve] = "Midsommarafton",
            [midsummerEve.AddDays(1)] = "Midsommardagen",
            [FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday)] = "Alla helgons dag",
            [new(year, 12, 24)] = "Julafton",
            [new(year, 12, 25)] = "Juldagen",
            [new(year, 12, 26)] = "Annandag jul",
            [new(year, 12, 31)] = "Nyårsafton",
        }.ToFrozenDictionary();
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
