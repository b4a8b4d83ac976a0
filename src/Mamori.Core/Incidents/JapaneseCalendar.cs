using PublicHoliday;

namespace Mamori.Incidents;

/// <summary>
/// Japan's working days as the PPC counts them for breach-report deadlines (APPI.md §3): a day is closed when it is
/// a Saturday, a Sunday, a national holiday (祝日法), or in the government's year-end closure (29 Dec–3 Jan,
/// 行政機関の休日に関する法律). Holidays come from the PublicHoliday package's <see cref="JapanPublicHoliday"/>,
/// with the corrections below (see docs/incidents.md, "Holidays"): the package, checked against the Cabinet Office's
/// list, (1) leaves out a statutory holiday that falls on a Sunday (e.g. Constitution Day, Sunday 3 May 2026 — it lists
/// the substitute 6 May under that name instead), which changes no working day but would make "is 3 May a holiday?"
/// answer no; (2) misses the citizens' holiday (国民の休日) between Respect for the Aged Day and the Autumnal Equinox
/// (22 Sep 2026, 21 Sep 2032), which does change deadlines; (3) ignores the one-off changes of 2019 (enthronement)
/// and the Olympic moves of 2020 and 2021. Equinox dates are the package's astronomical estimate; the Cabinet Office
/// fixes them a year ahead and they have matched so far.
/// </summary>
public sealed class JapaneseCalendar
{
    /// <summary>Why a day is closed, as codes (the API returns them; the console words them).</summary>
    public static class Closed
    {
        public const string Saturday = "saturday";
        public const string Sunday = "sunday";
        public const string PublicHoliday = "public_holiday";
        /// <summary>29 Dec–3 Jan: the government's offices are closed (年末年始閉庁日).</summary>
        public const string YearEnd = "year_end";
    }

    private readonly JapanPublicHoliday _package = new();

    // One-off holidays the package does not know: the enthronement of 2019 (Apr 30, May 1 and 2, Oct 22) and the
    // Olympic moves of Marine Day, Sports Day and Mountain Day in 2020 and 2021 (8 Aug 2021 fell on a Sunday: 9 Aug).
    private static readonly HashSet<DateOnly> Added =
    [
        new(2019, 4, 30), new(2019, 5, 1), new(2019, 5, 2), new(2019, 10, 22),
        new(2020, 7, 23), new(2020, 7, 24), new(2020, 8, 10),
        new(2021, 7, 22), new(2021, 7, 23), new(2021, 8, 8), new(2021, 8, 9),
    ];

    // Days the package holds to be holidays that were not: 23 Dec 2019 (no Emperor's Birthday that year) and the
    // usual dates of the holidays moved for the Olympics.
    private static readonly HashSet<DateOnly> Removed =
    [
        new(2019, 12, 23),
        new(2020, 7, 20), new(2020, 8, 11), new(2020, 10, 12),
        new(2021, 7, 19), new(2021, 8, 11), new(2021, 10, 11),
    ];

    /// <summary>A national holiday (国民の祝日, 振替休日 or 国民の休日), whatever the weekday.</summary>
    public bool IsHoliday(DateOnly date)
    {
        if (Removed.Contains(date))
            return false;
        return Added.Contains(date) || IsStatutoryFixedDate(date) || IsCitizensHoliday(date)
            || _package.IsPublicHoliday(date.ToDateTime(TimeOnly.MinValue));
    }

    public static bool IsYearEndClosure(DateOnly date) => (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3);

    /// <summary>Every reason the day is closed; empty on a working day.</summary>
    public IReadOnlyList<string> WhyClosed(DateOnly date)
    {
        var reasons = new List<string>(2);
        if (date.DayOfWeek == DayOfWeek.Saturday)
            reasons.Add(Closed.Saturday);
        if (date.DayOfWeek == DayOfWeek.Sunday)
            reasons.Add(Closed.Sunday);
        if (IsHoliday(date))
            reasons.Add(Closed.PublicHoliday);
        if (IsYearEndClosure(date))
            reasons.Add(Closed.YearEnd);
        return reasons;
    }

    public bool IsWorkingDay(DateOnly date) => WhyClosed(date).Count == 0;

    /// <summary>The day itself if it is a working day, else the next one; <paramref name="skipped"/> gets each closed day passed.</summary>
    public DateOnly OnOrAfter(DateOnly date, List<ClosedDay>? skipped = null)
    {
        for (var i = 0; i < 366; i++)
        {
            var reasons = WhyClosed(date);
            if (reasons.Count == 0)
                return date;
            skipped?.Add(new ClosedDay(date, reasons));
            date = date.AddDays(1);
        }
        throw new InvalidOperationException("No working day within a year.");
    }

    /// <summary>Holidays fixed by date in the Act on National Holidays: they are holidays on that date even on a Sunday.</summary>
    private static bool IsStatutoryFixedDate(DateOnly d) => (d.Month, d.Day) switch
    {
        (1, 1) or (2, 11) or (4, 29) or (5, 3) or (5, 4) or (5, 5) or (11, 3) or (11, 23) => true,
        (2, 23) => d.Year >= 2020,
        (8, 11) => d.Year >= 2016 && d.Year is not (2020 or 2021),
        (12, 23) => d.Year is >= 1989 and <= 2018,
        _ => false,
    };

    /// <summary>国民の休日 (祝日法 Art. 3(3)): a day between two holidays. Since 4 May became Greenery Day (2007) this
    /// happens only when Respect for the Aged Day (a Monday) and the Autumnal Equinox are two days apart.</summary>
    private static bool IsCitizensHoliday(DateOnly d)
    {
        if (d.Month != 9 || d.Year < 2003)
            return false;
        var aged = DateOnly.FromDateTime(JapanPublicHoliday.RespectForTheAgedDay(d.Year));
        var equinox = DateOnly.FromDateTime(JapanPublicHoliday.AutumnalEquinoxDay(d.Year));
        return equinox.DayNumber - aged.DayNumber == 2 && d == aged.AddDays(1);
    }
}

/// <summary>A closed day a deadline was moved past, with every reason it is closed.</summary>
public sealed record ClosedDay(DateOnly Date, IReadOnlyList<string> Reasons);
