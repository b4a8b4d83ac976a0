using System.Globalization;

namespace Mamori.Policy.Validation;

/// <summary>The policy's dates tell one story: established, then revised in order, then in effect.</summary>
internal static class DateChecks
{
    public static void Check(CheckContext c)
    {
        var policy = c.Policy;
        if (policy.EffectiveFrom < policy.Established)
            c.Report(JsonPath.Root / "effectiveFrom", PolicyProblemCodes.EffectiveBeforeEstablished,
                $"effectiveFrom {Iso(policy.EffectiveFrom)} is before the policy was established ({Iso(policy.Established)})");

        for (var i = 0; i < policy.Revisions.Count; i++)
        {
            var date = policy.Revisions[i].Date;
            var at = JsonPath.Root / "revisions" / i / "date";
            if (date < policy.Established)
                c.Report(at, PolicyProblemCodes.RevisionBeforeEstablished,
                    $"revision of {Iso(date)} is before the policy was established ({Iso(policy.Established)})");
            if (date > policy.EffectiveFrom)
                c.Report(at, PolicyProblemCodes.RevisionAfterEffective,
                    $"revision of {Iso(date)} is after effectiveFrom {Iso(policy.EffectiveFrom)}; the newest revision is the one in effect");
            if (i > 0 && date <= policy.Revisions[i - 1].Date)
                c.Report(at, PolicyProblemCodes.RevisionOrder,
                    $"revision of {Iso(date)} is not after the one before it ({Iso(policy.Revisions[i - 1].Date)}); list revisions oldest first");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
