using Mamori.Audit;
using Mamori.Consent;

namespace Mamori.Decisions;

/// <summary>Decisions about a device's informative data (not yet linked to a person), with the device's consents,
/// audited like a person's.</summary>
public sealed class DeviceDecisions(DecisionEngine engine, ConsentLedger consents, AuditTrail audit)
{
    public async Task<Decision> DecideAsync(string deviceId, string purpose, IReadOnlyCollection<string> categories,
        string actor, CancellationToken ct = default)
    {
        var device = ConsentSubject.Device(deviceId); // validates the id
        var state = new SubjectState { Flags = await consents.DecisionFlagsAsync(device, ct) };
        var decision = engine.Decide(purpose, categories, CompiledPolicy.DeviceKindName, state);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.Decision, decision.IsAllowed ? AuditOutcomes.Allowed : AuditOutcomes.Denied,
            engine.Policy.PurposeId(purpose) >= 0 ? purpose : null, null, device.Id,
            [.. categories.Where(c => engine.Policy.CategoryId(c) >= 0)], decision.Reasons), ct);
        return decision;
    }
}
