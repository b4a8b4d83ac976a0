using Mamori.Retention;

namespace Mamori.Policy.Validation;

/// <summary>§11(2) retention rules are complete and consistent (scope, trigger and action agree; periods parse and
/// keep-until is not before use-by; ids known); statistics and programme figures are sensible.</summary>
internal static class ProgrammeChecks
{
    private static readonly Dictionary<string, (string Trigger, string[] Actions)> Scopes = new(StringComparer.Ordinal)
    {
        ["person"] = ("last_activity", ["erase"]),
        ["items"] = ("acquired", ["delete"]),
        ["signals"] = ("received", ["delete", "anonymise"]),
    };

    public static void Check(CheckContext c)
    {
        if (c.Policy.Retention is { } retention)
            CheckRetention(c, retention);
        if (c.Policy.Statistics is { MinimumCellSize: < 2 or > 1000 })
            c.Report(JsonPath.Root / "statistics" / "minimumCellSize", PolicyProblemCodes.StatisticsCellSizeInvalid,
                "minimumCellSize is between 2 and 1000 (a cell of one person identifies them)");
        if (c.Policy.Programme is { } programme)
        {
            foreach (var (name, value) in new[] { ("ledgerReviewMonths", programme.LedgerReviewMonths),
                         ("trainingIntervalMonths", programme.TrainingIntervalMonths), ("pledgeValidityMonths", programme.PledgeValidityMonths) })
            {
                if (value is < 1 or > 120)
                    c.Report(JsonPath.Root / "programme" / name, PolicyProblemCodes.ProgrammeIntervalInvalid, $"{name} is between 1 and 120 months");
            }
        }
    }

    private static void CheckRetention(CheckContext c, RetentionPolicy retention)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < retention.Rules.Count; i++)
        {
            var rule = retention.Rules[i];
            var at = JsonPath.Root / "retention" / "rules" / i;
            if (!seen.Add(rule.Id))
                c.Report(at / "id", PolicyProblemCodes.RetentionRuleDuplicate, $"retention rule '{rule.Id}' is defined twice");
            if (!Scopes.TryGetValue(rule.Scope, out var scope))
            {
                c.Report(at / "scope", PolicyProblemCodes.RetentionRuleInvalid, $"scope '{rule.Scope}' is person, items or signals");
                continue;
            }
            if (rule.Trigger != scope.Trigger)
                c.Report(at / "trigger", PolicyProblemCodes.RetentionRuleInvalid, $"a {rule.Scope} rule counts from '{scope.Trigger}'");
            if (!scope.Actions.Contains(rule.Action))
                c.Report(at / "action", PolicyProblemCodes.RetentionRuleInvalid, $"a {rule.Scope} rule's action is {string.Join(" or ", scope.Actions)}");
            if (rule.Scope == "items" && rule.Categories is not { Count: > 0 })
                c.Report(at / "scope", PolicyProblemCodes.RetentionRuleInvalid, "an items rule names the categories it deletes");
            if (rule.Scope == "person" && rule.SubjectKinds is not { Count: > 0 })
                c.Report(at / "scope", PolicyProblemCodes.RetentionRuleInvalid, "a person rule names the subject kinds it erases");
            if (rule.Scope == "signals" && rule.Linked is null)
                c.Report(at / "scope", PolicyProblemCodes.RetentionRuleInvalid, "a signals rule says whether it is for linked devices (linked: true or false)");
            if (rule.SubjectKinds is { } kinds)
                c.RequireKnown(kinds, at / "subjectKinds", c.Ids.SubjectKinds, PolicyProblemCodes.RetentionReferenceUnknown, "subject kind");
            if (rule.Categories is { } categories)
                c.RequireKnown(categories, at / "categories", c.Ids.CategoryIds, PolicyProblemCodes.RetentionReferenceUnknown, "data category");
            if (rule.Purpose is { } purpose)
                c.RequireKnown(purpose, at / "purpose", c.Ids.PurposeIds, PolicyProblemCodes.RetentionReferenceUnknown, "purpose");
            var useOk = RetentionPeriod.TryParse(rule.UseFor, out var useFor);
            var keepOk = RetentionPeriod.TryParse(rule.KeepFor, out var keepFor);
            if (!useOk)
                c.Report(at / "useFor", PolicyProblemCodes.RetentionPeriodInvalid, $"'{rule.UseFor}' is not an ISO 8601 period such as P1Y, P13M or P90D");
            if (!keepOk)
                c.Report(at / "keepFor", PolicyProblemCodes.RetentionPeriodInvalid, $"'{rule.KeepFor}' is not an ISO 8601 period such as P1Y, P13M or P90D");
            if (useOk && keepOk && keepFor.ApproximateDays < useFor.ApproximateDays)
                c.Report(at / "keepFor", PolicyProblemCodes.RetentionPeriodInvalid, "keepFor is not shorter than useFor: data in use is not disposed of");
        }
    }
}
