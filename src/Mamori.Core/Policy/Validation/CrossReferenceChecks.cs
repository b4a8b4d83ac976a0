namespace Mamori.Policy.Validation;

/// <summary>The checks that need the whole policy, run once the schema has passed (so every key is there).</summary>
internal static class CrossReferenceChecks
{
    private static readonly Action<CheckContext>[] All =
    [
        ListChecks.Check,
        DateChecks.Check,
        PurposeChecks.Check,
        RecipientChecks.Check,
        JointUseChecks.Check,
        DeviceDataChecks.Check,
        RequestChecks.Check,
        ScopeChecks.Check,
        ProgrammeChecks.Check,
    ];

    public static IReadOnlyList<PolicyProblem> Find(string file, PolicyDocument policy, ParsedPolicy parsed)
    {
        var context = new CheckContext(file, policy, parsed);
        foreach (var check in All)
            check(context);
        return context.Problems;
    }
}
