namespace Mamori.Policy;

/// <summary>
/// APPI Art. 27(5)(iii), (6): a joint use that begins, or a change of its purposes or responsible party, is told to the
/// persons (or published) before it takes effect. A version carrying such a change must take effect after the day
/// the notice was given: the policy's <see cref="JointUse.NoticeGivenOn"/>, or else the day the version is published.
/// </summary>
public static class JointUseNotice
{
    /// <summary>The joint-use changes between two versions that need advance notice.</summary>
    public static IReadOnlyList<PolicyChange> Changes(PolicyDocument old, PolicyDocument @new) =>
        [.. PolicyDiff.Compare(old, @new).Changes.Where(c => c.Subject == ChangeSubject.JointUse && c.Flags.HasFlag(AppiFlags.AdvanceNotice))];

    /// <summary>The day the notice counts as given: the declared day, but never later than publication (today).</summary>
    public static DateOnly NoticeDay(PolicyDocument @new, DateOnly today) =>
        @new.JointUse.NoticeGivenOn is { } declared && declared < today ? declared : today;

    /// <summary>Null when <paramref name="new"/> may follow <paramref name="old"/>; otherwise why not.</summary>
    public static string? Violation(PolicyDocument old, PolicyDocument @new, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var changes = Changes(old, @new);
        if (changes.Count == 0)
            return null;
        var notified = NoticeDay(@new, today);
        return notified < @new.EffectiveFrom
            ? null
            : $"The joint use changes ({string.Join(", ", changes.Select(c => c.SubjectId))}) need notice in advance (Art. 27(6)): "
              + $"notice given {notified:yyyy-MM-dd}, but the version takes effect {@new.EffectiveFrom:yyyy-MM-dd}. "
              + "Set effectiveFrom after the notice day, or give jointUse.noticeGivenOn.";
    }
}
