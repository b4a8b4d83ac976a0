using System.Text.RegularExpressions;
using Mamori.Audit;

namespace Mamori.Decisions;

/// <summary>Decisions about a device's informative data (not yet linked to a person), audited like a person's.</summary>
public sealed partial class DeviceDecisions(DecisionEngine engine, AuditTrail audit)
{
    public async Task<Decision> DecideAsync(string deviceId, string purpose, IReadOnlyCollection<string> categories, SubjectState state,
        string actor, CancellationToken ct = default)
    {
        if (!DeviceIdPattern().IsMatch(deviceId))
            throw new MamoriException("device.id_invalid", "A device id is 8–64 letters, digits, '-' or '_'.");
        var decision = engine.Decide(purpose, categories, CompiledPolicy.DeviceKindName, state);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.Decision, decision.IsAllowed ? AuditOutcomes.Allowed : AuditOutcomes.Denied,
            engine.Policy.PurposeId(purpose) >= 0 ? purpose : null, null, deviceId,
            [.. categories.Where(c => engine.Policy.CategoryId(c) >= 0)], decision.Reasons), ct);
        return decision;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex DeviceIdPattern();
}
