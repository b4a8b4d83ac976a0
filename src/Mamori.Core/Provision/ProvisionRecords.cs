using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Provision;

/// <summary>The provider of data the agency receives, as confirmed before receiving (規則22).</summary>
/// <param name="Acquisition">How the provider obtained the data (取得の経緯).</param>
/// <param name="Basis"><c>consent</c> (the person consented to the provision) or <c>opt_out</c> (the provider's opt-out; the date is recorded).</param>
public sealed record ReceiveData(
    [property: Pseudonymous] Guid PersonId,
    [property: PersonalData] string? ProviderName,
    [property: PersonalData] string? ProviderAddress,
    [property: PersonalData] string? ProviderRepresentative,
    [property: PersonalData] string? Acquisition,
    [property: UncheckedInput] IReadOnlyList<string> Items,
    [property: UncheckedInput] string? Basis,
    [property: UncheckedInput] string? ContractReference = null);

/// <summary>Personal-related information received from a provider, to be linked with the person (§2(4), Art. 31).</summary>
public sealed record LinkReceived(
    [property: Pseudonymous] Guid PersonId,
    [property: PersonalData] string? ProviderName,
    [property: PersonalData] string? ProviderAddress,
    [property: PersonalData] string? ProviderRepresentative,
    [property: UncheckedInput] IReadOnlyList<string> Items,
    [property: UncheckedInput] string? ContractReference = null);

/// <summary>What one purge deleted.</summary>
public sealed record PurgeResult(Guid PurgeId, DateTimeOffset PurgedAt, int Count);

/// <summary>
/// The records of Arts. 29–31 about persons: writing the recipient-side records (Art. 30 receipt, Art. 31 linking
/// with the person's consent confirmed), listing every record about a person (what a disclosure of records hands
/// over, Art. 33(5)), and the retention purge, which records itself (a purge row and an audit entry).
/// </summary>
public sealed class ProvisionRecords(MamoriDb db, PersonVault vault, CurrentPolicy policy, ConsentLedger ledger, AuditTrail audit, TimeProvider clock)
{
    public const int MaxText = 200;

    /// <summary>Every record about the person, oldest first. The read is audited.</summary>
    public async Task<List<ProvisionRecord>> ForPersonAsync(Guid personId, string actor, CancellationToken ct = default)
    {
        var records = await db.Set<ProvisionRecord>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionRecordsRead, AuditOutcomes.Success, PersonId: personId), ct);
        return [.. records.OrderBy(r => r.FirstAt).ThenBy(r => r.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Latest records first, for the console.</summary>
    public Task<List<ProvisionRecord>> RecentAsync(int take, CancellationToken ct = default) =>
        db.Set<ProvisionRecord>().AsNoTracking().OrderByDescending(r => r.LastAt).Take(take).ToListAsync(ct);

    public Task<List<ProvisionPurge>> PurgesAsync(CancellationToken ct = default) =>
        db.Set<ProvisionPurge>().AsNoTracking().OrderByDescending(p => p.PurgedAt).ToListAsync(ct);

    /// <summary>Art. 30: the provider confirmed (name, address, representative, how it obtained the data), the record written.</summary>
    public async Task<ProvisionRecord> ReceiveAsync(ReceiveData command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireProvider(command.ProviderName, command.ProviderAddress, command.ProviderRepresentative);
        if (string.IsNullOrWhiteSpace(command.Acquisition) || command.Acquisition.Length > 1000)
            throw new MamoriException(ProvisionCodes.AcquisitionUnconfirmed, "Confirm how the provider obtained the data (取得の経緯, 1–1000 characters).");
        if (command.Basis is not (Provisions.ConsentBasis or Provisions.OptOutBasis))
            throw new MamoriException(ProvisionCodes.ReceiptBasisInvalid, "The basis of the provision received is consent or opt_out.");
        var items = RequireItems(command.Items);
        await vault.DescribeAsync(command.PersonId, ct);
        var now = clock.GetUtcNow();
        var optOut = command.Basis == Provisions.OptOutBasis;
        var record = new ProvisionRecord
        {
            Kind = RecordKinds.Receipt,
            PersonId = command.PersonId,
            PartyName = command.ProviderName!.Trim(),
            PartyAddress = command.ProviderAddress!.Trim(),
            PartyRepresentative = command.ProviderRepresentative!.Trim(),
            PartyAcquisition = command.Acquisition.Trim(),
            Items = items,
            Basis = command.Basis,
            ConsentObtained = !optOut,
            OptOutDate = optOut ? DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime) : null,
            ConsentSource = optOut ? null : ConsentSources.Provider,
            ContractReference = command.ContractReference,
        };
        Stamp(record, now, actor);
        db.Set<ProvisionRecord>().Add(record);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionReceiptRecorded, AuditOutcomes.Success, PersonId: command.PersonId,
            Categories: items, Target: "provision_record:" + record.Id.ToString("D")), ct);
        return record;
    }

    /// <summary>When a received record was written, by whom, and how long the law keeps it (1 year where a contract
    /// stands in, else 3).</summary>
    private static void Stamp(ProvisionRecord record, DateTimeOffset now, string actor)
    {
        record.FirstAt = now;
        record.LastAt = now;
        record.KeepUntil = ProvisionRecord.RetentionEnd(now, record.ContractReference is not null);
        record.CreatedAt = now;
        record.CreatedBy = actor;
    }

    /// <summary>Art. 31: the person's consent to the linking (<c>art31_link</c> in the consent ledger) confirmed, the record written.
    /// Without it the linking is refused (audited) and nothing is recorded.</summary>
    public async Task<ProvisionRecord> LinkAsync(LinkReceived command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireProvider(command.ProviderName, command.ProviderAddress, command.ProviderRepresentative);
        var items = RequireItems(command.Items);
        await vault.DescribeAsync(command.PersonId, ct);
        var state = await ledger.CurrentAsync(ConsentSubject.Person(command.PersonId), ct);
        var choice = state.Choices.FirstOrDefault(c => c.Category.Id == ConsentCatalog.Art31Link);
        if (choice is not { Given: true, Record: not null })
        {
            await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionLinkingRecorded, AuditOutcomes.Denied, PersonId: command.PersonId,
                Categories: items, Reasons: [ProvisionCodes.Art31ConsentMissing]), ct);
            throw new ProvisionDeniedException(ProvisionCodes.Art31ConsentMissing,
                "The person has not consented to the linking of personal-related information (art31_link).");
        }
        var now = clock.GetUtcNow();
        var record = new ProvisionRecord
        {
            Kind = RecordKinds.Linking,
            PersonId = command.PersonId,
            PartyName = command.ProviderName!.Trim(),
            PartyAddress = command.ProviderAddress!.Trim(),
            PartyRepresentative = command.ProviderRepresentative!.Trim(),
            Items = items,
            Basis = "art31",
            ConsentObtained = true,
            ConsentSource = ConsentSources.Ledger,
            ConsentReference = "consent_receipt:" + choice.Record.ReceiptId.ToString("D"),
            ContractReference = command.ContractReference,
        };
        Stamp(record, now, actor);
        db.Set<ProvisionRecord>().Add(record);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionLinkingRecorded, AuditOutcomes.Success, PersonId: command.PersonId,
            Categories: items, Target: "provision_record:" + record.Id.ToString("D")), ct);
        return record;
    }

    /// <summary>Deletes every record past its retention and records the purge itself (a purge row with the ids, and an
    /// audit entry), in one commit. A run that finds nothing is recorded too.</summary>
    public async Task<PurgeResult> PurgeExpiredAsync(string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var expired = await db.Set<ProvisionRecord>().Where(r => r.KeepUntil <= now).ToListAsync(ct);
        db.Set<ProvisionRecord>().RemoveRange(expired);
        var purge = new ProvisionPurge
        {
            PurgedAt = now,
            Actor = actor,
            Count = expired.Count,
            RecordIds = string.Join(',', expired.Select(r => r.Id.ToString("D"))),
        };
        db.Set<ProvisionPurge>().Add(purge);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionRecordsPurged, AuditOutcomes.Success,
            Target: "provision_purge:" + purge.Id.ToString("D")), ct);
        return new PurgeResult(purge.Id, now, expired.Count);
    }

    private static void RequireProvider(string? name, string? address, string? representative)
    {
        if (new[] { name, address, representative }.Any(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxText))
            throw new MamoriException(ProvisionCodes.ProviderUnconfirmed,
                $"Confirm the provider's name, address and representative (each 1–{MaxText} characters) before receiving.");
    }

    private List<string> RequireItems(IReadOnlyList<string>? items)
    {
        if (items is not { Count: > 0 and <= Provisions.MaxItems } || items.Any(i => !policy.Document.DataCategories.Any(d => d.Id == i)))
            throw new MamoriException(ProvisionCodes.ItemsInvalid, $"Name 1–{Provisions.MaxItems} items, each a data category of the policy.");
        return [.. items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
