using Microsoft.Extensions.Time.Testing;
using RJH.DeviceWorkflows.Rules.Calendar;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private readonly WorkingCalendar calendar = new(WorkingHours.Default);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    [Theory]
    [InlineData(2026, 3, 4, 7, 0, true)]     // Wednesday, start is inclusive
    [InlineData(2026, 3, 4, 16, 59, true)]
    [InlineData(2026, 3, 4, 17, 0, false)]   // end is exclusive
    [InlineData(2026, 3, 4, 6, 59, false)]
    [InlineData(2026, 3, 7, 10, 0, false)]   // Saturday
    [InlineData(2026, 4, 3, 10, 0, false)]   // Good Friday
    [InlineData(2026, 12, 24, 10, 0, false)] // Christmas eve, a Thursday
    [InlineData(2026, 12, 31, 10, 0, false)] // New Year's eve, a Thursday
    public void Working_time(int year, int month, int day, int hour, int minute, bool expected)
    {
        var offset = month is >= 4 and <= 10 ? Summer : Winter;
        Assert.Equal(expected, calendar.IsWorkingTime(At(year, month, day, hour, minute, offset)));
    }

    [Fact]
    public void The_instant_counts_not_its_offset()
    {
        // 06:30 UTC on a winter Wednesday is 07:30 in Stockholm.
        Assert.True(calendar.IsWorkingTime(new DateTimeOffset(2026, 3, 4, 6, 30, 0, TimeSpan.Zero)));
        Assert.False(calendar.IsWorkingTime(new DateTimeOffset(2026, 3, 4, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void In_working_time_the_next_start_is_now()
    {
        var now = At(2026, 3, 4, 10, 15, Winter);
        Assert.Equal(now, calendar.NextWorkingTimeStart(now));
    }

    [Fact]
    public void Before_seven_the_next_start_is_today()
    {
        Assert.Equal(At(2026, 3, 4, 7, 0, Winter), calendar.NextWorkingTimeStart(At(2026, 3, 4, 5, 0, Winter)));
    }

    [Fact]
    public void Friday_evening_to_monday_morning()
    {
        Assert.Equal(At(2026, 3, 9, 7, 0, Winter), calendar.NextWorkingTimeStart(At(2026, 3, 6, 17, 5, Winter)));
    }

    [Fact]
    public void Across_easter_holidays_and_the_weekend()
    {
        // Maundy Thursday evening → Good Friday, Saturday, Easter Sunday, Easter Monday off → Tuesday.
        Assert.Equal(At(2026, 4, 7, 7, 0, Summer), calendar.NextWorkingTimeStart(At(2026, 4, 2, 17, 30, Summer)));
    }

    [Fact]
    public void Across_christmas()
    {
        // Wednesday 23 December evening → 24, 25 (Fri), weekend → Monday 28.
        Assert.Equal(At(2026, 12, 28, 7, 0, Winter), calendar.NextWorkingTimeStart(At(2026, 12, 23, 18, 0, Winter)));
    }

    [Fact]
    public void Across_new_year_into_the_next_year()
    {
        // Wednesday 30 December 2026 evening → 31 (eve), 1 January (Fri), weekend → Monday 4 January 2027.
        Assert.Equal(At(2027, 1, 4, 7, 0, Winter), calendar.NextWorkingTimeStart(At(2026, 12, 30, 17, 0, Winter)));
    }

    [Fact]
    public void Spring_forward_weekend_starts_monday_in_summer_time()
    {
        // Clocks go forward on Sunday 29 March 2026.
        var next = calendar.NextWorkingTimeStart(At(2026, 3, 27, 17, 30, Winter));
        Assert.Equal(At(2026, 3, 30, 7, 0, Summer), next);
        Assert.Equal(Summer, next.Offset);
    }

    [Fact]
    public void Fall_back_weekend_starts_monday_in_winter_time()
    {
        // Clocks go back on Sunday 25 October 2026.
        var next = calendar.NextWorkingTimeStart(At(2026, 10, 23, 18, 0, Summer));
        Assert.Equal(At(2026, 10, 26, 7, 0, Winter), next);
        Assert.Equal(Winter, next.Offset);
    }

    [Fact]
    public void A_start_inside_the_spring_gap_begins_when_the_clocks_have_jumped()
    {
        var sundayWorker = new WorkingCalendar(new WorkingHours { Days = [DayOfWeek.Sunday], Start = new(2, 30), End = new(9, 0) });

        var next = sundayWorker.NextWorkingTimeStart(At(2026, 3, 28, 12, 0, Winter));

        Assert.Equal(At(2026, 3, 29, 3, 0, Summer), next);
    }

    [Fact]
    public void Personal_hours_are_respected()
    {
        var evenings = new WorkingCalendar(new WorkingHours { Days = [DayOfWeek.Saturday], Start = new(12, 0), End = new(20, 0) });

        Assert.True(evenings.IsWorkingTime(At(2026, 3, 7, 19, 0, Winter)));
        Assert.False(evenings.IsWorkingTime(At(2026, 3, 4, 10, 0, Winter)));
        Assert.Equal(At(2026, 3, 14, 12, 0, Winter), evenings.NextWorkingTimeStart(At(2026, 3, 7, 20, 0, Winter)));
    }

    [Fact]
    public void Hours_that_end_before_they_start_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new WorkingHours { Start = new(17, 0), End = new(7, 0) }));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new WorkingHours { Days = [] }));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new WorkingHours { TimeZoneId = "Mars/Olympus" }));
    }

    [Fact]
    public void Notification_facts_use_the_clock()
    {
        var time = new FakeTimeProvider(At(2026, 6, 19, 10, 0, Summer));

        var facts = NotificationFacts.For(WorkingHours.Default, time, urgent: false);

        Assert.False(facts.Urgent);
        Assert.False(facts.RecipientInWorkingTime);
        Assert.Equal(At(2026, 6, 22, 7, 0, Summer), facts.NextWorkingTimeStart);
    }

    [Fact]
    public void Three_working_days_after_a_tuesday_morning_is_friday_at_the_same_time()
    {
        Assert.Equal(At(2026, 3, 6, 10, 15, Winter), calendar.AddWorkingDays(At(2026, 3, 3, 10, 15, Winter), 3));
    }

    [Fact]
    public void Working_days_after_an_evening_start_at_the_start_of_the_day_and_skip_holidays()
    {
        // Wednesday 1 April 2026 at 18:00; Good Friday and Easter Monday are off: 2 working days → Tuesday 7 April.
        Assert.Equal(At(2026, 4, 7, 7, 0, Summer), calendar.AddWorkingDays(At(2026, 4, 1, 18, 0, Summer), 2));
    }

    [Fact]
    public void Five_working_days_before_a_monday_start_is_the_previous_monday_morning()
    {
        Assert.Equal(At(2026, 11, 30, 7, 0, Winter), calendar.AddWorkingDays(At(2026, 12, 7, 0, 0, Winter), -5));
        // Across Christmas: five working days before Monday 4 January 2027 are 30, 29, 28, 23 and 22 December.
        Assert.Equal(At(2026, 12, 22, 7, 0, Winter), calendar.AddWorkingDays(At(2027, 1, 4, 0, 0, Winter), -5));
    }

    [Fact]
    public void Zero_working_days_is_the_start_of_that_working_day_or_the_next()
    {
        Assert.Equal(At(2026, 12, 7, 7, 0, Winter), calendar.AddWorkingDays(At(2026, 12, 7, 0, 0, Winter), 0));
        Assert.Equal(At(2026, 12, 7, 7, 0, Winter), calendar.AddWorkingDays(At(2026, 12, 5, 12, 0, Winter), 0));
    }
}
