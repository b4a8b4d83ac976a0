using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Provision;
using Mamori.Signals;
using Mamori.Vault;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Requests;

/// <summary>Everything the agency retains about one person, as a disclosure (開示) answers it.</summary>
public sealed record DisclosureView(
    Guid PersonId,
    string Kind,
    DateTimeOffset CreatedAt,
    bool UseSuspended,
    bool ProvisionSuspended,
    IReadOnlyList<DisclosedItem> Items,
    IReadOnlyList<DisclosedDevice> Devices,
    IReadOnlyList<SignalView> Signals,
    IReadOnlyList<DisclosedConsent> Consents,
    IReadOnlyList<ProvisionRecord> ProvisionRecords,
    IReadOnlyList<EarlierRequest> EarlierRequests);

/// <summary>One item with its provenance; a file is named with its media type and size, its bytes are sent apart.</summary>
public sealed record DisclosedItem(Guid Id, string Category, string ContentType, string? Value, int? FileBytes, string Channel, string? Source,
    DateTimeOffset AcquiredAt, string PolicyVersion, IReadOnlyList<string> NotifiedPurposes, DateTimeOffset RecordedAt);

public sealed record DisclosedDevice(string DeviceId, DateTimeOffset LinkedAt, DateTimeOffset? UnlinkedAt, string Purpose);

public sealed record DisclosedConsent(string Subject, string Category, bool Given, string Method, DateTimeOffset RecordedAt, string PolicyVersion, Guid ReceiptId);

public sealed record EarlierRequest(Guid Id, string Kind, string Status, DateTimeOffset ReceivedAt, DateTimeOffset? ClosedAt);

/// <summary>
/// Assembles a person's disclosure: the vault's items with provenance, the signals of their linked devices, their
/// consents (with receipt ids), the provision and receipt records, and their earlier requests — leaving out the
/// categories the policy names as not retained personal data. Every query goes by the person's id or their devices
/// through an index (no scan), so it stays fast among millions of persons and signals. One audit entry per build.
/// </summary>
public sealed class DisclosurePackage(MamoriDb db, KeyVault keys, CurrentPolicy policy, AuditTrail audit)
{
    /// <summary>The disclosure of <paramref name="personId"/>; <paramref name="requestId"/> (the request answered) is
    /// left out of the earlier requests and named in the audit entry.</summary>
    public async Task<DisclosureView> BuildAsync(Guid personId, string actor = AuditActors.System, Guid? requestId = null, CancellationToken ct = default)
    {
        var person = await db.Set<Mamori.Vault.Person>().AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new MamoriException("person.not_found", "No such person.", 404);
        if (person.ErasedAt is not null)
            throw new MamoriException("person.erased", "This person was erased; their data can no longer be read.", 410);

        var notRetained = policy.Document.Requests.CategoriesNotRetained.Select(n => n.Category).ToHashSet(StringComparer.Ordinal);
        var items = new List<DisclosedItem>(person.Items.Count);
        var held = person.Items.Where(i => !notRetained.Contains(i.Category)).OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.CreatedAt).ToList();
        if (held.Count > 0)
        {
            using var key = await keys.GetDataKeyAsync(person.Id, ct);
            foreach (var i in held)
            {
                var text = i.ContentType == ItemContent.Text;
                items.Add(new DisclosedItem(i.Id, i.Category, i.ContentType,
                    text ? ItemCipher.DecryptText(key, i.Category, i.Id, i.Ciphertext) : null,
                    text ? null : ItemCipher.GetPlaintextLength(i.Ciphertext),
                    i.Provenance.Channel, i.Provenance.Source, i.Provenance.AcquiredAt, i.Provenance.PolicyVersion,
                    i.Provenance.NotifiedPurposes, i.CreatedAt));
            }
        }

        // Every device ever linked: signals from before an unlinking are still the person's data while kept.
        var links = await db.Set<DeviceLink>().AsNoTracking().Where(l => l.PersonId == person.Id).OrderBy(l => l.LinkedAt).ToListAsync(ct);
        var devices = links.Select(l => l.DeviceId).Distinct().ToList();
        var signals = new List<SignalView>();
        if (devices.Count > 0)
        {
            var rows = await (
                from range in db.Set<DeviceSignalRange>()
                where devices.Contains(range.DeviceId)
                from signal in db.Set<Signal>()
                where signal.Id >= range.FirstSignalId && signal.Id <= range.LastSignalId && signal.DeviceId == range.DeviceId
                select signal).AsNoTracking().ToListAsync(ct);
            // A linked device's events are sealed under the person's key; one sealed under another's key (the device
            // was linked to someone else then) is that person's, not this one's.
            if (rows.Any(r => r.Sealed is not null))
            {
                using var key = await keys.GetDataKeyAsync(person.Id, ct);
                rows.RemoveAll(row => !SignalSeal.TryOpen(row, key));
            }
            signals.AddRange(rows.DistinctBy(s => s.Id).OrderBy(s => s.Id).Select(s => new SignalView(s.Id, s.DeviceId, s.Type, s.At, s.Url, s.Referrer,
                s.UserAgent, s.Os, s.Connection, s.Ip, s.Latitude is null ? null : new SignalLocation(s.Latitude, s.Longitude, s.LocationAccuracy),
                s.Count, s.AdId, s.LogLine)));
        }

        var subject = ConsentSubject.Person(person.Id);
        var consentRows = await db.Set<ConsentRecord>().AsNoTracking()
            .Where(r => r.SubjectKind == ConsentSubjectKind.Person && r.SubjectId == subject.Id).OrderBy(r => r.Id).ToListAsync(ct);
        var consents = consentRows.Select(r => new DisclosedConsent(subject.ToString(), r.Category, r.Given, r.Method, r.RecordedAt, r.PolicyVersion, r.ReceiptId)).ToList();

        var records = await db.Set<ProvisionRecord>().AsNoTracking().Where(r => r.PersonId == person.Id).ToListAsync(ct);
        var earlier = await db.Set<RequestCase>().AsNoTracking().Where(r => r.PersonId == person.Id && r.Id != requestId)
            .Select(r => new EarlierRequest(r.Id, r.Kind, r.Status, r.ReceivedAt, r.ClosedAt)).ToListAsync(ct);

        await audit.AppendAsync(new AuditEvent(actor, AuditActions.DisclosureBuilt, AuditOutcomes.Success, PersonId: person.Id,
            Categories: [.. held.Select(i => i.Category).Distinct().Where(c => policy.Document.DataCategories.Any(d => d.Id == c))],
            Target: requestId is { } id ? RequestCases.Target(id) : null), ct);

        return new DisclosureView(person.Id, person.Kind, person.CreatedAt, person.UseSuspended, person.ProvisionSuspended, items,
            [.. links.Select(l => new DisclosedDevice(l.DeviceId, l.LinkedAt, l.UnlinkedAt, l.Purpose))], signals, consents,
            [.. records.OrderBy(r => r.FirstAt).ThenBy(r => r.Kind, StringComparer.Ordinal)],
            [.. earlier.OrderBy(r => r.ReceivedAt)]);
    }
}
