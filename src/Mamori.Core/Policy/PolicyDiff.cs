using Mamori.Policy.Diff;

namespace Mamori.Policy;

/// <summary>
/// What changed between two policy versions, in sentences a privacy officer reads, each flagged where the
/// APPI treats it specially (consent, advance notice, publication…).
/// </summary>
public static class PolicyDiff
{
    private static readonly Action<ChangeLog>[] Comparers =
    [
        ControllerChanges.Find,
        PurposeChanges.Find,
        CategoryChanges.Find,
        ProvisionChanges.Find,
        JointUseChanges.Find,
        DeviceDataChanges.Find,
        SectionChanges.Find,
    ];

    public static PolicyDiffResult Compare(PolicyDocument old, PolicyDocument @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var log = new ChangeLog(old, @new);
        foreach (var compare in Comparers)
            compare(log);
        return new PolicyDiffResult(log.Changes);
    }
}

public sealed class PolicyDiffResult(IReadOnlyList<PolicyChange> changes)
{
    public IReadOnlyList<PolicyChange> Changes { get; } = changes;

    /// <summary>True when some change cannot rest on the consents given to the old version.</summary>
    public bool NeedsNewConsent => Changes.Any(c => c.NeedsNewConsent);

    /// <summary>One line per change, flags in brackets; <paramref name="lang"/> is ja or en.</summary>
    public string Render(string lang) =>
        Changes.Count == 0
            ? (lang == "en" ? "No changes.\n" : "変更はありません。\n")
            : string.Concat(Changes.Select(c => c.ToString(lang) + "\n"));
}
