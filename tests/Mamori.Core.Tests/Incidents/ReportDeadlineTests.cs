using Mamori.Audit;
using Mamori.Core.Tests.Vault;
using Mamori.Incidents;
using Mamori.Policy;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mamori.Core.Tests.Incidents;

/// <summary>
/// The deadline arithmetic, as a Japanese privacy officer does it by hand: day 1 is the day the company knew; count
/// calendar days (weekends and holidays inside count); a last day that is closed (Sat, Sun, holiday, 29 Dec–3 Jan)
/// moves to the next working day. The incident is recorded through <see cref="IncidentRegister"/> with a fake clock,
/// so "now" is the day of awareness.
/// </summary>
public sealed class ReportDeadlineTests : IDisposable
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly VaultDatabase _database = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly PolicyDocument _policy = RepositoryPolicy.Load();

    public void Dispose() => _database.Dispose();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private async Task<IncidentView> RecordAtAsync(DateTimeOffset now, bool malicious = false, string category = "health.medical_history",
        IncidentSettings? settings = null)
    {
        _clock.SetUtcNow(now);
        using var db = _database.NewContext();
        var register = new IncidentRegister(db, new AuditTrail(db, _clock), new CurrentPolicy(_policy, "", "", ""),
            settings ?? new IncidentSettings(), new JapaneseCalendar(), _clock);
        return await register.RecordAsync(new RecordIncident([category], "情報セキュリティ室", "誤送信", "宛先の選択誤り", Malicious: malicious),
            "staff:test", TestContext.Current.CancellationToken);
    }

    private static ReportDeadline Deadline(IncidentView view, string report, int day) =>
        Assert.Single(view.Deadlines, d => d.Report == report && d.Day == day);

    [Fact]
    public async Task Discovered_on_the_Friday_before_Golden_Week_2026()
    {
        // Known at 10:00 JST on Friday 1 May 2026.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 5, 1, 10, 0, 0, Jst));
        Assert.Equal(D(2026, 5, 1), view.Incident.AwarenessDate);

        // By hand: day 1 = Fri 1 May, day 2 = Sat 2 May, day 3 = Sun 3 May (Constitution Day).
        // 3 May is closed → Mon 4 May (Greenery Day) closed → Tue 5 May (Children's Day) closed
        // → Wed 6 May (substitute holiday for 3 May) closed → Thu 7 May, a working day.
        var third = Deadline(view, Reports.PpcPreliminary, 3);
        Assert.Equal(D(2026, 5, 3), third.Nominal);
        Assert.Equal(D(2026, 5, 7), third.Due);
        Assert.Equal([D(2026, 5, 3), D(2026, 5, 4), D(2026, 5, 5), D(2026, 5, 6)], third.Skipped.Select(s => s.Date));

        // Day 5 = Tue 5 May (Children's Day) closed → Wed 6 May (substitute) closed → Thu 7 May.
        var fifth = Deadline(view, Reports.PpcPreliminary, 5);
        Assert.Equal(D(2026, 5, 5), fifth.Nominal);
        Assert.Equal(D(2026, 5, 7), fifth.Due);

        // Final report, not malicious: day 30 = 1 May + 29 days = Sat 30 May → Sun 31 May → Mon 1 June 2026.
        var final = Deadline(view, Reports.PpcFinal, 30);
        Assert.Equal(D(2026, 5, 30), final.Nominal);
        Assert.Equal(D(2026, 6, 1), final.Due);
        Assert.Equal(3, view.Deadlines.Count);
    }

    [Fact]
    public async Task A_malicious_act_on_the_same_Friday_has_60_days()
    {
        var view = await RecordAtAsync(new DateTimeOffset(2026, 5, 1, 10, 0, 0, Jst), malicious: true);
        // Day 60 = 1 May + 59 days = Mon 29 June 2026, a working day: it stays.
        var final = Deadline(view, Reports.PpcFinal, 60);
        Assert.Equal(D(2026, 6, 29), final.Due);
        Assert.False(final.Moved);
        Assert.DoesNotContain(view.Deadlines, d => d.Day == 30);
    }

    [Fact]
    public async Task The_day_of_awareness_is_the_day_in_Japan()
    {
        // 16:30 UTC on Thursday 30 April is 01:30 JST on Friday 1 May: day 1 is 1 May.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 4, 30, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(D(2026, 5, 1), view.Incident.AwarenessDate);
    }

    [Fact]
    public async Task Not_malicious_means_30_days()
    {
        // Wed 10 June 2026: day 30 = 10 June + 29 days = Thu 9 July, a working day.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 6, 10, 9, 0, 0, Jst), category: "health.checkup");
        var final = Deadline(view, Reports.PpcFinal, 30);
        Assert.Equal(D(2026, 7, 9), final.Due);
        Assert.False(final.Moved);
    }

    [Fact]
    public async Task Malicious_means_60_days()
    {
        // Wed 10 June 2026, malicious: day 60 = 10 June + 59 days = Sat 8 Aug → Sun 9 Aug → Mon 10 Aug 2026
        // (Mountain Day is Tue 11 Aug, after it).
        var view = await RecordAtAsync(new DateTimeOffset(2026, 6, 10, 9, 0, 0, Jst), malicious: true, category: "contact.email");
        var final = Deadline(view, Reports.PpcFinal, 60);
        Assert.Equal(D(2026, 8, 8), final.Nominal);
        Assert.Equal(D(2026, 8, 10), final.Due);
        Assert.Equal([IncidentCodes.MaliciousAct], view.Reportability.Reasons);
    }

    [Fact]
    public async Task Across_the_New_Year()
    {
        // Known Mon 28 Dec 2026. Day 3 = Wed 30 Dec: year-end closure through Sun 3 Jan → Mon 4 Jan 2027.
        // Day 5 = Fri 1 Jan 2027 (New Year's Day, closure) → Sat 2, Sun 3 → Mon 4 Jan 2027.
        // Day 30 = 28 Dec + 29 days = Tue 26 Jan 2027, a working day.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 12, 28, 15, 0, 0, Jst));
        Assert.Equal(D(2027, 1, 4), Deadline(view, Reports.PpcPreliminary, 3).Due);
        Assert.Equal(D(2027, 1, 4), Deadline(view, Reports.PpcPreliminary, 5).Due);
        Assert.Equal(D(2027, 1, 26), Deadline(view, Reports.PpcFinal, 30).Due);
        Assert.All(Deadline(view, Reports.PpcPreliminary, 3).Skipped, s => Assert.Contains(JapaneseCalendar.Closed.YearEnd, s.Reasons));
    }

    [Fact]
    public async Task A_final_report_falling_in_the_year_end_closure()
    {
        // Known Mon 30 Nov 2026: day 30 = Tue 29 Dec (closure) → … → Sun 3 Jan → Mon 4 Jan 2027.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, Jst));
        var final = Deadline(view, Reports.PpcFinal, 30);
        Assert.Equal(D(2026, 12, 29), final.Nominal);
        Assert.Equal(D(2027, 1, 4), final.Due);
        Assert.Equal(6, final.Skipped.Count);
    }

    [Fact]
    public async Task Silver_Week_2026_uses_the_corrected_citizens_holiday()
    {
        // Known Fri 18 Sep 2026. Day 3 = Sun 20 Sep → Mon 21 (Respect for the Aged Day) → Tue 22 (国民の休日, which the
        // package misses) → Wed 23 (Autumnal Equinox) → Thu 24 Sep.
        var view = await RecordAtAsync(new DateTimeOffset(2026, 9, 18, 9, 0, 0, Jst));
        Assert.Equal(D(2026, 9, 24), Deadline(view, Reports.PpcPreliminary, 3).Due);
    }

    [Fact]
    public async Task The_financial_regulator_setting_adds_its_own_3_to_5_day_report()
    {
        var view = await RecordAtAsync(new DateTimeOffset(2026, 5, 1, 10, 0, 0, Jst), settings: new IncidentSettings { FinancialSector = true });
        Assert.True(view.Incident.FinancialSector);
        Assert.Equal(D(2026, 5, 7), Deadline(view, Reports.FsaPreliminary, 3).Due);
        Assert.Equal(D(2026, 5, 7), Deadline(view, Reports.FsaPreliminary, 5).Due);
        Assert.Equal(5, view.Deadlines.Count);
    }

    [Fact]
    public async Task An_incident_that_need_not_be_reported_has_no_PPC_deadline()
    {
        var view = await RecordAtAsync(new DateTimeOffset(2026, 5, 1, 10, 0, 0, Jst), category: "contact.email");
        Assert.False(view.Reportability.Reportable);
        Assert.Empty(view.Deadlines);
    }

    [Fact]
    public void Days_left_count_to_the_due_date_and_go_negative_once_overdue()
    {
        var deadline = ReportDeadlines.Day(Reports.PpcFinal, 30, D(2026, 5, 1), new JapaneseCalendar());
        Assert.Equal(31, deadline.DaysLeft(D(2026, 5, 1)));
        Assert.Equal(0, deadline.DaysLeft(D(2026, 6, 1)));
        Assert.Equal(-1, deadline.DaysLeft(D(2026, 6, 2)));
    }
}
