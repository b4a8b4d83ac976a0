using Mamori.Audit;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>Which devices: those that viewed a URL starting with <see cref="UrlPrefix"/> in the last <see cref="Days"/> days.</summary>
public sealed record AudienceSegment(string? UrlPrefix, int? Days);

/// <param name="Recipient">A recipient id of the policy (§5), e.g. <c>dmp_vendor</c>.</param>
/// <param name="Purpose">The policy purpose the hand-over serves; decided for a device's informative data.</param>
/// <param name="RecipientLinks">The recipient is expected to link the IDs to personal data it holds (APPI Art. 31).</param>
public sealed record AudienceRequest(AudienceSegment? Segment, string? Recipient, string? Purpose, bool RecipientLinks);

/// <param name="Excluded">Devices of the segment left out, by reason (<see cref="Audiences"/> lists them).</param>
public sealed record AudienceResult(Guid ExportId, string Recipient, int Count, IReadOnlyList<string> DeviceIds, IReadOnlyDictionary<string, int> Excluded);

/// <summary>
/// Audiences for targeting (DMP, §3(2)): the device IDs of a segment, for a recipient. Only devices whose targeting is
/// allowed go out, never one whose targeting was refused by Global Privacy Control, never one linked to a person (its
/// ID is then personal data, handed over only as a provision); and when the recipient will link the IDs, only devices
/// whose Art. 31 consent is on record. Every export leaves an <see cref="AudienceExport"/> record and an audit entry.
/// </summary>
public sealed class Audiences(MamoriDb db, CurrentPolicy policy, DecisionEngine engine, DeviceConsents consents, AuditTrail audit, TimeProvider clock)
{
    public const int MaxDays = 90;
    public const int MaxDevices = 100_000;

    public const string ExcludedGpc = "gpc";
    public const string ExcludedTargetingRefused = "targeting_refused";
    public const string ExcludedLinked = "linked_to_person";
    public const string ExcludedArt31ConsentMissing = "art31_consent_missing";

    /// <summary>What the recipient receives, as §3(1) kinds: the IDs, and that they viewed the segment's URLs.</summary>
    private static readonly string[] ItemCategories = [SignalCategories.DeviceId, SignalCategories.BrowsingHistory];

    private const int ConsentChunk = 500;

    public async Task<AudienceResult> ExportAsync(AudienceRequest request, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (prefix, days) = Validate(request.Segment);
        var recipient = policy.Document.Recipients.FirstOrDefault(r => r.Id == request.Recipient)
            ?? throw new MamoriException(SignalCodes.AudienceRecipientUnknown,
                $"Name a recipient of the policy. Recipients: {string.Join(", ", policy.Document.Recipients.Select(r => r.Id))}.");
        var purpose = request.Purpose ?? throw new MamoriException("request.field_missing", "'purpose' is required.");
        var decision = engine.Decide(purpose, ItemCategories, CompiledPolicy.DeviceKindName, default);
        if (!decision.IsAllowed)
        {
            await AppendAsync(actor, AuditOutcomes.Denied, purpose, decision.Reasons, null, ct);
            throw new UseDeniedException(decision.Reasons);
        }

        var now = clock.GetUtcNow();
        var candidates = await SegmentAsync(prefix, now.AddDays(-days), ct);
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        var included = new List<string>();
        foreach (var chunk in candidates.Chunk(ConsentChunk))
        {
            var choices = await consents.ForAsync(chunk, ct);
            var linked = await db.Set<DeviceLink>().AsNoTracking().Where(l => l.UnlinkedAt == null && chunk.Contains(l.DeviceId))
                .Select(l => l.DeviceId).ToHashSetAsync(StringComparer.Ordinal, ct);
            foreach (var device in chunk)
            {
                var choice = choices[device];
                var reason = choice.TargetingRefusedByGpc ? ExcludedGpc
                    : !choice.Targeting ? ExcludedTargetingRefused
                    : linked.Contains(device) ? ExcludedLinked
                    : request.RecipientLinks && !choice.Art31Link ? ExcludedArt31ConsentMissing
                    : null;
                if (reason is null)
                    included.Add(device);
                else
                    excluded[reason] = excluded.GetValueOrDefault(reason) + 1;
            }
        }
        if (included.Count > MaxDevices)
            throw new MamoriException(SignalCodes.AudienceTooLarge, $"The segment holds {included.Count} devices; at most {MaxDevices} go in one export. Narrow it.");

        var record = new AudienceExport
        {
            ExportedAt = now,
            ExportedBy = actor,
            Recipient = recipient.Id,
            RecipientName = recipient.Name.Ja,
            RecipientAddress = recipient.Address is { } address ? $"〒{address.PostalCode} {address.Text.Ja}".Trim() : null,
            RecipientRepresentative = recipient.Representative is { } rep ? $"{rep.Title.Ja} {rep.Name.Ja}".Trim() : null,
            Purpose = purpose,
            Segment = $"urlPrefix={prefix}; days={days}",
            Items = string.Join("、", ItemCategories.Select(ItemLabel)),
            Count = included.Count,
            RecipientLinks = request.RecipientLinks,
            ConsentConfirmed = request.RecipientLinks,
            ConsentMethod = request.RecipientLinks
                ? "Each exported device's current choice for art31_link in Mamori's consent ledger is 'given' (explicit consent to linking by the recipients, collected on their behalf by the consent banner or app); devices without it were left out."
                : null,
        };
        db.Set<AudienceExport>().Add(record);
        await AppendAsync(actor, AuditOutcomes.Success, purpose, null, record.Id, ct); // saves the record with its entry
        return new AudienceResult(record.Id, recipient.Id, included.Count, included, excluded);
    }

    /// <summary>The export records, newest first.</summary>
    public Task<List<AudienceExport>> RecordsAsync(int take, CancellationToken ct = default) =>
        db.Set<AudienceExport>().AsNoTracking().OrderByDescending(a => a.ExportedAt).Take(Math.Clamp(take, 1, 1_000)).ToListAsync(ct);

    private static (string Prefix, int Days) Validate(AudienceSegment? segment)
    {
        if (segment is not { UrlPrefix: { Length: > 0 and <= SignalLimits.MaxUrlLength } prefix, Days: >= 1 and <= MaxDays and var days })
            throw new MamoriException(SignalCodes.AudienceSegmentInvalid,
                $"A segment is {{ \"urlPrefix\": the start of the URLs viewed (1–{SignalLimits.MaxUrlLength} characters), \"days\": 1–{MaxDays} }}.");
        return (prefix, days);
    }

    /// <summary>Devices that viewed the prefix since then. Ids grow with arrival, so the scan starts at the first
    /// batch stored since then and runs along the key; an event older than its arrival is filtered by its own time.</summary>
    private async Task<List<string>> SegmentAsync(string prefix, DateTimeOffset since, CancellationToken ct)
    {
        var first = await db.Set<SignalBatch>().Where(b => b.ReceivedAt >= since && b.FirstSignalId != null).MinAsync(b => b.FirstSignalId, ct);
        if (first is not { } from)
            return [];
        return await db.Set<Signal>()
            .Where(s => s.Id >= from && s.At >= since && s.DeviceId != null && s.Url != null && s.Url.StartsWith(prefix))
            .Select(s => s.DeviceId!).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    private string ItemLabel(string category) =>
        policy.Document.InformativeData.Kinds.FirstOrDefault(k => k.Category == category)?.Label.Ja ?? category;

    private Task AppendAsync(string actor, string outcome, string purpose, IReadOnlyList<string>? reasons, Guid? exportId, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(actor, AuditActions.AudienceExported, outcome,
            engine.Policy.PurposeId(purpose) != CompiledPolicy.Unknown ? purpose : null, null, null, ItemCategories, reasons,
            exportId is { } id ? "audience_export:" + id.ToString("D") : null), ct);
}
