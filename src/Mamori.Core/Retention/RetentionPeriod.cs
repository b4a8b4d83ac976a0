using System.Globalization;
using System.Text.RegularExpressions;

namespace Mamori.Retention;

/// <summary>An ISO 8601 period of years, months and days (P10Y, P1Y6M, P90D), as the policy's retention rules write them.</summary>
public readonly partial record struct RetentionPeriod(int Years, int Months, int Days)
{
    public static bool TryParse(string? text, out RetentionPeriod period)
    {
        period = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success))
            return false;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        period = new RetentionPeriod(Part(match.Groups[1]), Part(match.Groups[2]), Part(match.Groups[3]));
        return true;
    }

    public static RetentionPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException("Not an ISO 8601 period of years, months and days.");

    /// <summary>The moment this period before <paramref name="now"/>: what was last active (acquired, received) at or before it has expired.</summary>
    public DateTimeOffset Before(DateTimeOffset now) => now.AddYears(-Years).AddMonths(-Months).AddDays(-Days);

    /// <summary>The moment this period after <paramref name="start"/>.</summary>
    public DateTimeOffset After(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days);

    /// <summary>Roughly in days, to compare two periods.</summary>
    public int ApproximateDays => Years * 365 + Months * 30 + Days;

    public string Describe(string lang)
    {
        var parts = new List<string>();
        if (Years > 0) parts.Add(lang == "en" ? $"{Years} year{(Years == 1 ? "" : "s")}" : $"{Years}年");
        if (Months > 0) parts.Add(lang == "en" ? $"{Months} month{(Months == 1 ? "" : "s")}" : $"{Months}か月");
        if (Days > 0) parts.Add(lang == "en" ? $"{Days} day{(Days == 1 ? "" : "s")}" : $"{Days}日");
        return lang == "en" ? string.Join(" ", parts) : string.Concat(parts);
    }

    [GeneratedRegex(@"^P(?:(\d{1,3})Y)?(?:(\d{1,4})M)?(?:(\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
