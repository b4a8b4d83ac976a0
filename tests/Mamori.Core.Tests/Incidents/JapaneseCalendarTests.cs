using Mamori.Incidents;
using PublicHoliday;
using Xunit;

namespace Mamori.Core.Tests.Incidents;

/// <summary>The working-day calendar: PublicHoliday's Japan, checked against the Cabinet Office's list, and the corrections.</summary>
public sealed class JapaneseCalendarTests
{
    private readonly JapaneseCalendar _calendar = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    // 2026: Showa Day Wed 29 Apr; Constitution Day Sun 3 May; Greenery Day Mon 4 May; Children's Day Tue 5 May;
    // Wed 6 May is the substitute holiday for 3 May.
    [InlineData(2026, 4, 29)]
    [InlineData(2026, 5, 3)]
    [InlineData(2026, 5, 4)]
    [InlineData(2026, 5, 5)]
    [InlineData(2026, 5, 6)]
    // 2025: 3 May Sat, 4 May Sun (Greenery Day), 5 May Mon, 6 May Tue substitute for 4 May.
    [InlineData(2025, 4, 29)]
    [InlineData(2025, 5, 3)]
    [InlineData(2025, 5, 4)]
    [InlineData(2025, 5, 5)]
    [InlineData(2025, 5, 6)]
    // 2027: 3–5 May fall Mon–Wed: no substitute.
    [InlineData(2027, 4, 29)]
    [InlineData(2027, 5, 3)]
    [InlineData(2027, 5, 4)]
    [InlineData(2027, 5, 5)]
    // 2024: 5 May Sun → Mon 6 May substitute.
    [InlineData(2024, 5, 6)]
    // 国民の休日 between Respect for the Aged Day (21 Sep) and the Autumnal Equinox (23 Sep) 2026.
    [InlineData(2026, 9, 22)]
    public void Golden_Week_and_other_holidays_are_known(int y, int m, int d) =>
        Assert.True(_calendar.IsHoliday(D(y, m, d)), $"{y}-{m}-{d} is a holiday in Japan");

    [Theory]
    [InlineData(2026, 5, 7)]   // Thursday after Golden Week 2026
    [InlineData(2026, 5, 1)]   // Friday before it
    [InlineData(2027, 5, 6)]   // no substitute in 2027
    [InlineData(2026, 9, 24)]
    [InlineData(2019, 12, 23)] // no Emperor's Birthday in 2019
    public void Ordinary_days_are_not_holidays(int y, int m, int d) =>
        Assert.False(_calendar.IsHoliday(D(y, m, d)));

    /// <summary>Why the corrections exist: what the package says for the same days, unwrapped.</summary>
    [Fact]
    public void The_package_alone_misses_a_sunday_holiday_and_the_citizens_holiday()
    {
        var package = new JapanPublicHoliday();
        // Same working days around Golden Week 2026 …
        Assert.True(package.IsPublicHoliday(new DateTime(2026, 5, 4)));
        Assert.True(package.IsPublicHoliday(new DateTime(2026, 5, 6)));
        // … but Constitution Day on Sunday 3 May is not a holiday to it (it names the substitute 6 May so instead),
        Assert.False(package.IsPublicHoliday(new DateTime(2026, 5, 3)));
        // and Tuesday 22 Sep 2026 (国民の休日) would be a working day: a deadline there would be one day early.
        Assert.False(package.IsPublicHoliday(new DateTime(2026, 9, 22)));
        Assert.False(_calendar.IsWorkingDay(D(2026, 9, 22)));
    }

    [Fact]
    public void The_year_end_closure_runs_from_29_December_to_3_January()
    {
        Assert.True(_calendar.IsWorkingDay(D(2026, 12, 28)));
        for (var d = D(2026, 12, 29); d <= D(2027, 1, 3); d = d.AddDays(1))
            Assert.Contains(JapaneseCalendar.Closed.YearEnd, _calendar.WhyClosed(d));
        // The package alone counts Thursday 31 Dec as a working day.
        Assert.True(new JapanPublicHoliday().IsWorkingDay(new DateTime(2026, 12, 31)));
        Assert.False(_calendar.IsWorkingDay(D(2026, 12, 31)));
        Assert.True(_calendar.IsWorkingDay(D(2027, 1, 4)));
    }

    [Fact]
    public void A_closed_day_gives_every_reason()
    {
        Assert.Equal([JapaneseCalendar.Closed.Sunday, JapaneseCalendar.Closed.PublicHoliday], _calendar.WhyClosed(D(2026, 5, 3)));
        Assert.Equal([JapaneseCalendar.Closed.PublicHoliday, JapaneseCalendar.Closed.YearEnd], _calendar.WhyClosed(D(2027, 1, 1)));
        Assert.Empty(_calendar.WhyClosed(D(2026, 5, 7)));
    }

    [Fact]
    public void The_one_off_holidays_of_2019_to_2021_are_corrected()
    {
        Assert.True(_calendar.IsHoliday(D(2019, 5, 1)));   // enthronement
        Assert.True(_calendar.IsHoliday(D(2020, 7, 24)));  // Sports Day moved for the Olympics
        Assert.False(_calendar.IsHoliday(D(2020, 10, 12)));
        Assert.True(_calendar.IsHoliday(D(2021, 8, 9)));   // substitute for Mountain Day, Sun 8 Aug 2021
        Assert.False(_calendar.IsHoliday(D(2021, 8, 11)));
    }
}
