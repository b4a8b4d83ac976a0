namespace Mamori.Incidents;

/// <summary>The reports an incident may owe, as codes.</summary>
public static class Reports
{
    /// <summary>速報 to the PPC: about 3–5 days from awareness.</summary>
    public const string PpcPreliminary = "ppc_preliminary";
    /// <summary>確報 to the PPC: 30 days, or 60 for a malicious act.</summary>
    public const string PpcFinal = "ppc_final";
    /// <summary>The financial regulator's report (setting): about 3–5 days.</summary>
    public const string FsaPreliminary = "fsa_preliminary";
}

/// <summary>
/// One deadline: the <see cref="Day"/>th day counted with the day of awareness as day 1 (<see cref="Nominal"/>), moved
/// to the next working day when that one is closed (<see cref="Due"/>), with the closed days passed.
/// </summary>
public sealed record ReportDeadline(string Report, int Day, DateOnly Nominal, DateOnly Due, IReadOnlyList<ClosedDay> Skipped)
{
    public bool Moved => Due != Nominal;

    /// <summary>Days from <paramref name="today"/> to the due date: 0 on the day itself, negative once overdue.</summary>
    public int DaysLeft(DateOnly today) => Due.DayNumber - today.DayNumber;
}

/// <summary>
/// The deadline arithmetic of APPI.md §3 (PPC guideline 通則編 3-5-3-3/3-5-3-4): day 1 is the day the company
/// knew; the preliminary report is due about the 3rd to the 5th day (both are given), the final report on the
/// 30th day, or the 60th when a malicious act (case 3) applies; a day that falls on a Saturday, Sunday, national
/// holiday or in 29 Dec–3 Jan moves to the next working day. Weekends and holidays inside the period count.
/// </summary>
public static class ReportDeadlines
{
    public const int PreliminaryFrom = 3;
    public const int PreliminaryTo = 5;
    public const int Final = 30;
    public const int FinalMalicious = 60;

    /// <summary>The deadlines owed: the PPC's when reportable, the FSA's when the agency reports to it.</summary>
    public static IReadOnlyList<ReportDeadline> For(DateOnly awareness, Reportability reportability, bool malicious, bool financialSector, JapaneseCalendar calendar)
    {
        var deadlines = new List<ReportDeadline>(5);
        if (reportability.Reportable)
        {
            deadlines.Add(Day(Reports.PpcPreliminary, PreliminaryFrom, awareness, calendar));
            deadlines.Add(Day(Reports.PpcPreliminary, PreliminaryTo, awareness, calendar));
            deadlines.Add(Day(Reports.PpcFinal, malicious ? FinalMalicious : Final, awareness, calendar));
        }
        if (financialSector)
        {
            deadlines.Add(Day(Reports.FsaPreliminary, PreliminaryFrom, awareness, calendar));
            deadlines.Add(Day(Reports.FsaPreliminary, PreliminaryTo, awareness, calendar));
        }
        return deadlines;
    }

    /// <summary>The <paramref name="day"/>th day from awareness (day 1), moved to a working day.</summary>
    public static ReportDeadline Day(string report, int day, DateOnly awareness, JapaneseCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        var nominal = awareness.AddDays(day - 1);
        var skipped = new List<ClosedDay>();
        var due = calendar.OnOrAfter(nominal, skipped);
        return new ReportDeadline(report, day, nominal, due, skipped);
    }

    /// <summary>The calendar day in Japan of an instant: the day the company knew, when the instant is the discovery.</summary>
    public static DateOnly JapanDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(JapanOffset).DateTime);

    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
}
