using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Rules.Tests.Calendar;

public sealed class SwedishHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)] // the latest possible date
    [InlineData(2285, 3, 22)] // the earliest possible date
    public void Easter_sunday(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), SwedishHolidays.EasterSunday(year));

    public static TheoryData<int, string[]> Years => new()
    {
        {
            2026,
            [
                "2026-01-01 Nyårsdagen", "2026-01-06 Trettondedag jul", "2026-04-03 Långfredagen", "2026-04-05 Påskdagen",
                "2026-04-06 Annandag påsk", "2026-05-01 Första maj", "2026-05-14 Kristi himmelsfärdsdag",
                "2026-05-24 Pingstdagen", "2026-06-06 Sveriges nationaldag", "2026-06-19 Midsommarafton",
                "2026-06-20 Midsommardagen", "2026-10-31 Alla helgons dag", "2026-12-24 Julafton", "2026-12-25 Juldagen",
                "2026-12-26 Annandag jul", "2026-12-31 Nyårsafton",
            ]
        },
        {
            2027,
            [
                "2027-01-01 Nyårsdagen", "2027-01-06 Trettondedag jul", "2027-03-26 Långfredagen", "2027-03-28 Påskdagen",
                "2027-03-29 Annandag påsk", "2027-05-01 Första maj", "2027-05-06 Kristi himmelsfärdsdag",
                "2027-05-16 Pingstdagen", "2027-06-06 Sveriges nationaldag", "2027-06-25 Midsommarafton",
                "2027-06-26 Midsommardagen", "2027-11-06 Alla helgons dag", "2027-12-24 Julafton", "2027-12-25 Juldagen",
                "2027-12-26 Annandag jul", "2027-12-31 Nyårsafton",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void Days_off_of_a_year(int year, string[] expected)
    {
        var actual = SwedishHolidays.DaysOff(year).OrderBy(d => d.Key).Select(d => $"{d.Key:yyyy-MM-dd} {d.Value}");

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(2026, 6, 19)]
    [InlineData(2027, 6, 25)]
    [InlineData(2028, 6, 23)]
    public void Midsummer_eve_is_the_friday_between_19_and_25_june(int year, int month, int day)
    {
        var eve = SwedishHolidays.DaysOff(year).Single(d => d.Value == "Midsommarafton").Key;

        Assert.Equal(new DateOnly(year, month, day), eve);
        Assert.Equal(DayOfWeek.Friday, eve.DayOfWeek);
    }

    [Fact]
    public void All_saints_is_the_saturday_between_31_october_and_6_november()
    {
        for (var year = 2020; year < 2040; year++)
        {
            var day = SwedishHolidays.DaysOff(year).Single(d => d.Value == "Alla helgons dag").Key;
            Assert.Equal(DayOfWeek.Saturday, day.DayOfWeek);
            Assert.InRange(day, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
        }
    }

    [Fact]
    public void An_ordinary_day_is_no_holiday()
    {
        Assert.False(SwedishHolidays.IsDayOff(new DateOnly(2026, 11, 24)));
        Assert.Null(SwedishHolidays.NameOf(new DateOnly(2026, 11, 24)));
        Assert.Equal("Julafton", SwedishHolidays.NameOf(new DateOnly(2026, 12, 24)));
    }
}
