using System.Collections.Concurrent;
using Mamori.Policy;

namespace Mamori.Consent;

/// <summary>
/// Whether choices made under an earlier policy version still stand under the one in force: they do unless
/// <see cref="PolicyDiff"/> finds a change that needs new consent (a cookie category's mode, a tag moved to
/// another category, new purposes…). The verdict for a stored version never changes while this process runs,
/// so it is worked out once per version.
/// </summary>
public sealed class ReconsentCheck(CurrentPolicy current)
{
    private readonly ConcurrentDictionary<string, bool> _stillValid = new(StringComparer.Ordinal);

    /// <summary>True when consents given under <paramref name="stored"/> need not be asked again.</summary>
    public bool StillValid(PolicyVersion stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.ContentHash == current.ContentHash || _stillValid.GetOrAdd(stored.ContentHash, _ => Compare(stored));
    }

    private bool Compare(PolicyVersion stored)
    {
        // A version that no longer loads cannot show what was agreed to: ask again.
        var old = PolicyLoader.Load($"policy-{stored.Version}.yaml", stored.Yaml).Document;
        return old is not null && !PolicyDiff.Compare(old, current.Document).NeedsNewConsent;
    }
}
