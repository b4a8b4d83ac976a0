using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Vault;
using Person = Mamori.Vault.Person;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Provision;

/// <summary>A hand-over to name: whose data, to whom, why, which items, on what basis.</summary>
/// <param name="Basis"><c>consent</c>, <c>request</c>, or <c>exception:&lt;law|vital_interests|public_health|state_cooperation&gt;</c>.</param>
/// <param name="Batch">Part of a continuous flow to the same recipient: appended to one batch record.</param>
/// <param name="ContractReference">A contract with the person stands in for the record (規則19(2)): kept 1 year.</param>
public sealed record ProvideCommand(
    [property: Pseudonymous] Guid PersonId,
    [property: UncheckedInput] string Recipient,
    [property: UncheckedInput] string Purpose,
    [property: UncheckedInput] IReadOnlyList<string> Items,
    [property: UncheckedInput] string Basis,
    bool Batch = false,
    [property: UncheckedInput] string? ContractReference = null);

/// <summary>What was handed over and the record written (none for an exception ①–④).</summary>
public sealed record Provided(Guid? RecordId, bool Batch, string Basis, string? ConsentSource,
    [property: PersonalData] IReadOnlyDictionary<string, string> Data);

/// <summary>
/// Provision to third parties (policy §5, APPI Arts. 27–29): decided by the vault (purpose, categories, sensitive
/// rules, suspension) and by the basis — the person's consent covering the recipient and purpose (given explicitly,
/// or by agreeing at acquisition to a notice naming both), the customer's own request to a co-solicitor (the §5
/// table's items only), or an exception ①–④ (no record). A recipient abroad needs consent given with the Art. 28
/// information. An allowed hand-over returns the values and writes the Art. 29 record in the same commit as its
/// audit entry; every denial is audited with its code and returns nothing.
/// </summary>
public sealed class Provisions(MamoriDb db, PersonVault vault, CurrentPolicy policy, PolicyVersions versions, ConsentLedger ledger,
    AuditTrail audit, TimeProvider clock)
{
    public const int MaxItems = 100;
    public const string ConsentBasis = "consent";
    public const string RequestBasis = "request";
    public const string OptOutBasis = "opt_out";
    /// <summary>Joint use with a group company (§6, Art. 27(5)(iii)): not a provision to a third party, so no record —
    /// unless the joint user is abroad, which needs consent with the Art. 28 information and a record.</summary>
    public const string JointUseBasis = "joint_use";
    public const string ExceptionPrefix = "exception:";
    public const string CoSolicitorKind = "co_solicitor";
    public const string InsurerKind = "insurer";

    public async Task<Provided> ProvideAsync(ProvideCommand command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = policy.Document;
        // A registered party (by its code) brings its own particulars to the record; the policy's recipient its rules.
        var registered = await RecipientDirectory.ResolveAsync(db, document, command.Recipient, ct);
        var recipient = registered?.Recipient;
        var denial = new Denial(db, policy, audit, actor, command, recipient, ct);
        if (recipient is null)
            await denial.ThrowAsync(ProvisionCodes.RecipientUnknown, $"Unknown recipient. Recipients: {string.Join(", ", document.Recipients.Select(r => r.Id))}, or a registered party's code.", 400);
        if (registered!.Ended)
            await denial.ThrowAsync(ProvisionCodes.RecipientEnded, "The relationship with this party has ended: nothing more is provided to it.", 403);
        var policyRecipientId = registered.PolicyRecipientId;
        var purpose = document.Purposes.FirstOrDefault(p => p.Id == command.Purpose);
        if (purpose is null)
            await denial.ThrowAsync(DecisionCodes.PurposeUnknown, "Unknown purpose.", 403);
        if (!IsProvisionPurpose(document, purpose!.Id))
            await denial.ThrowAsync(ProvisionCodes.PurposeNotForProvision,
                "This purpose is not one for which the policy provides to third parties (§4 purposes marked as provision, or §5's list).", 403);
        if (command.Items is not { Count: > 0 and <= MaxItems })
            await denial.ThrowAsync(ProvisionCodes.ItemsMissing, $"Name 1–{MaxItems} items (data category ids).", 400);
        var items = command.Items.Distinct(StringComparer.Ordinal).ToList();

        var (basis, exception) = ParseBasis(command.Basis);
        if (basis is null)
            await denial.ThrowAsync(ProvisionCodes.BasisUnknown,
                "The basis is consent, request, joint_use or exception:<law|vital_interests|public_health|state_cooperation>.", 400);
        if (basis == ExceptionPrefix && !document.ThirdParty.Exceptions.Any(e => e.Id == exception))
            await denial.ThrowAsync(ProvisionCodes.ExceptionUnknown,
                $"Unknown exception. Exceptions (§5): {string.Join(", ", document.ThirdParty.Exceptions.Select(e => e.Id))}.", 400);
        if (basis == OptOutBasis)
        {
            if (items.Any(i => document.DataCategories.Any(d => d.Id == i && d.Sensitive)))
                await denial.ThrowAsync(ProvisionCodes.SensitiveByOptOut, "Sensitive (要配慮/機微) data is never provided by opt-out.", 403);
            await denial.ThrowAsync(ProvisionCodes.OptOutNotNotified, "The agency has notified no opt-out provision to the PPC; it provides with consent only.", 403);
        }

        var person = await vault.DescribeAsync(command.PersonId, ct);
        var isException = basis == ExceptionPrefix;
        if (person.ProvisionSuspended && !isException)
            await denial.ThrowAsync(DecisionCodes.SubjectProvisionSuspended, "A request for suspension of provision (第三者提供の停止) is in force.", 403);

        if (basis == RequestBasis)
        {
            if (recipient!.Kind != CoSolicitorKind)
                await denial.ThrowAsync(ProvisionCodes.RequestNotCoSolicitor, "A customer's own request is a basis for provision to a co-solicitor only (§5).", 403);
            if (items.Any(i => !document.ThirdParty.CoSolicitation.Items.Contains(i)))
                await denial.ThrowAsync(ProvisionCodes.ItemNotInCoSolicitation,
                    $"At the customer's request only the §5 table's items go to a co-solicitor: {string.Join(", ", document.ThirdParty.CoSolicitation.Items)}.", 403);
        }

        if (basis == JointUseBasis)
        {
            var jointUse = document.JointUse;
            if (!jointUse.Users.Contains(policyRecipientId))
                await denial.ThrowAsync(ProvisionCodes.NotJointUser, "The recipient is not a joint user named in §6.", 403);
            if (!jointUse.Purposes.Contains(purpose.Id))
                await denial.ThrowAsync(ProvisionCodes.PurposeNotJointUse, $"Joint use serves only §6's purposes: {string.Join(", ", jointUse.Purposes)}.", 403);
            if (items.Any(i => !jointUse.Items.Contains(i)))
                await denial.ThrowAsync(ProvisionCodes.ItemNotJointUse, $"Only §6's items are used jointly: {string.Join(", ", jointUse.Items)}.", 403);
        }

        (string Source, string Reference, bool CrossBorder)? consent = null;
        if (basis == ConsentBasis)
            consent = await ConsentAsync(denial, command.PersonId, recipient!, policyRecipientId, purpose.Id, items, ct);
        else if (basis == RequestBasis)
            consent = await RequestConsentAsync(denial, command.PersonId, recipient!, policyRecipientId, purpose.Id, ConsentSources.Request, ct);
        else if (basis == JointUseBasis && CrossBorder.NeedsInformation(recipient!.Country))
            consent = await RequestConsentAsync(denial, command.PersonId, recipient, policyRecipientId, purpose.Id, ConsentSources.JointUse, ct);

        // The record: a batch record of the same flow is extended, otherwise a new one is written.
        ProvisionRecord? record = null;
        if (consent is { } given)
        {
            if (command.Batch)
            {
                record = await db.Set<ProvisionRecord>()
                    .Where(r => r.Kind == RecordKinds.Provision && r.Batch && r.PersonId == command.PersonId && r.RecipientId == recipient!.Id
                        && r.Purpose == purpose.Id && r.Basis == basis && r.ContractReference == command.ContractReference)
                    .OrderByDescending(r => r.LastAt).FirstOrDefaultAsync(ct);
            }
            record ??= new ProvisionRecord
            {
                Kind = RecordKinds.Provision,
                PersonId = command.PersonId,
                RecipientId = recipient!.Id,
                PartyName = recipient.Name.Ja,
                PartyAddress = recipient.Address?.Text.Ja,
                PartyRepresentative = recipient.Representative?.Name.Ja,
                Country = recipient.Country,
                Purpose = purpose.Id,
                Basis = basis!,
                ConsentObtained = true,
                Batch = command.Batch,
                Count = 0,
                ContractReference = command.ContractReference,
                CreatedBy = actor,
            };
            record.ConsentSource = given.Source;
            record.ConsentReference = given.Reference;
            record.CrossBorderInformed = given.CrossBorder;
        }

        var target = record is null ? "recipient:" + recipient!.Id : "provision_record:" + record.Id.ToString("D");
        var context = isException ? SubjectFlags.LegalDuty : SubjectFlags.None;
        var ground = isException && document.SensitiveData.Grounds.Any(g => g.Id == exception && g.ProvisionWithoutWrittenConsent) ? exception : null;
        var values = await vault.ReadForProvisionAsync(command.PersonId, purpose.Id, items, AuditActions.Provision, actor, context, ground, target,
            _ =>
            {
                if (record is not null)
                    Touch(record, items);
                return Task.CompletedTask;
            }, ct);

        return new Provided(record?.Id, record?.Batch ?? false, command.Basis, record?.ConsentSource,
            values.ToDictionary(v => v.Category, v => v.Value, StringComparer.Ordinal));
    }

    private void Touch(ProvisionRecord record, IEnumerable<string> items)
    {
        var now = clock.GetUtcNow();
        if (record.Count == 0)
        {
            record.FirstAt = now;
            record.CreatedAt = now;
            db.Set<ProvisionRecord>().Add(record);
        }
        record.Count++;
        record.LastAt = now;
        record.Items = [.. record.Items.Union(items, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        record.KeepUntil = ProvisionRecord.RetentionEnd(now, record.ContractReference is not null);
    }

    /// <summary>Provision purposes: those marked as a provision (§4(1)①-3 to ①-5, ⑬) and §5's list (①–⑬).</summary>
    public static bool IsProvisionPurpose(PolicyDocument document, string purpose) =>
        document.ThirdParty.Purposes.Contains(purpose) || document.Purposes.Any(p => p.Id == purpose && p.IsProvision);

    /// <summary>
    /// Whether a policy version names a recipient kind together with the purpose, so that agreeing to it at acquisition
    /// is consent to that provision: §5 names its recipient kinds for its purposes; a §4 purpose marked as a provision
    /// outside §5's list names its own recipients — co-solicitors for the one whose items are the §5 table's, partner
    /// insurers for the others (§4(1)①-3, ①-4). The policy has no field tying the two yet (docs/decisions/ADR-009-provision.md).
    /// </summary>
    public static bool NamesRecipient(PolicyDocument document, string recipientKind, string purposeId)
    {
        if (document.ThirdParty.RecipientKinds.Contains(recipientKind) && document.ThirdParty.Purposes.Contains(purposeId))
            return true;
        var purpose = document.Purposes.FirstOrDefault(p => p.Id == purposeId);
        if (purpose is not { IsProvision: true } || document.ThirdParty.Purposes.Contains(purposeId))
            return false;
        var coSolicitation = purpose.Categories.ToHashSet(StringComparer.Ordinal).SetEquals(document.ThirdParty.CoSolicitation.Items);
        return recipientKind == (coSolicitation ? CoSolicitorKind : InsurerKind);
    }

    private static (string? Basis, string? Exception) ParseBasis(string? basis) => basis switch
    {
        ConsentBasis or RequestBasis or OptOutBasis or JointUseBasis => (basis, null),
        { } b when b.StartsWith(ExceptionPrefix, StringComparison.Ordinal) => (ExceptionPrefix, b[ExceptionPrefix.Length..]),
        _ => (null, null),
    };

    private async Task<(string, string, bool)> ConsentAsync(Denial denial, Guid personId, Recipient recipient, string policyRecipientId, string purpose,
        IReadOnlyList<string> items, CancellationToken ct)
    {
        var state = await ledger.CurrentAsync(ConsentSubject.Person(personId), ct);
        if (state.Choices.FirstOrDefault(c => c.Category.Id == ConsentCatalog.Provision)?.Record is { Given: false })
            await denial.ThrowAsync(ProvisionCodes.ConsentWithdrawn, "The person refused provision to third parties (consent ledger).", 403);

        var explicitConsents = await ExplicitConsentsAsync(personId, recipient, policyRecipientId, purpose, ct);
        if (CrossBorder.NeedsInformation(recipient.Country))
        {
            var informed = explicitConsents.FirstOrDefault(c => c.HasCrossBorderInformation(recipient.Country));
            if (informed is null)
                await denial.ThrowAsync(ProvisionCodes.CrossBorderInfoMissing,
                    "The recipient is abroad: the person's consent must have been given with the country, its regime and the recipient's measures.", 403);
            return (ConsentSources.Explicit, informed!.Id.ToString("D"), true);
        }
        if (explicitConsents.Count > 0)
            return (ConsentSources.Explicit, explicitConsents[0].Id.ToString("D"), false);

        // Agreement at acquisition: every item was acquired under a notice naming the recipient's kind and the purpose,
        // and the purpose was among those notified.
        var provenances = await vault.ProvenanceAsync(personId, items, ct);
        if (provenances.Count == 0)
            return (ConsentSources.Acquisition, "policy:none", false); // nothing held: the vault refuses the read itself
        var agreed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, provenance) in provenances)
        {
            var notice = await NoticeAsync(provenance.PolicyVersion, ct);
            if (notice is null || !provenance.NotifiedPurposes.Contains(purpose) || !NamesRecipient(notice, recipient.Kind, purpose))
            {
                agreed.Clear();
                break;
            }
            agreed.Add(provenance.PolicyVersion);
        }
        if (agreed.Count == 0)
            await denial.ThrowAsync(ProvisionCodes.ConsentMissing,
                "No consent of the person covers this recipient and purpose: record one, or use a basis that applies.", 403);
        return (ConsentSources.Acquisition, "policy:" + string.Join(",", agreed), false);
    }

    private async Task<(string, string, bool)> RequestConsentAsync(Denial denial, Guid personId, Recipient recipient, string policyRecipientId, string purpose,
        string source, CancellationToken ct)
    {
        if (!CrossBorder.NeedsInformation(recipient.Country))
            return (source, "customer_request", false);
        var informed = (await ExplicitConsentsAsync(personId, recipient, policyRecipientId, purpose, ct)).FirstOrDefault(c => c.HasCrossBorderInformation(recipient.Country));
        if (informed is null)
            await denial.ThrowAsync(ProvisionCodes.CrossBorderInfoMissing,
                "The recipient is abroad: the person's consent must have been given with the country, its regime and the recipient's measures.", 403);
        return (source, informed!.Id.ToString("D"), true);
    }

    /// <summary>Consents naming the party, the policy recipient it belongs to, or their kind.</summary>
    private async Task<List<ProvisionConsent>> ExplicitConsentsAsync(Guid personId, Recipient recipient, string policyRecipientId, string purpose,
        CancellationToken ct)
    {
        var consents = await db.Set<ProvisionConsent>().AsNoTracking()
            .Where(c => c.PersonId == personId && c.WithdrawnAt == null
                && (c.RecipientId == recipient.Id || c.RecipientId == policyRecipientId || c.RecipientKind == recipient.Kind))
            .OrderByDescending(c => c.GivenAt).ToListAsync(ct);
        return [.. consents.Where(c => c.Purposes.Contains(purpose))];
    }

    private readonly Dictionary<string, PolicyDocument?> _notices = new(StringComparer.Ordinal);

    /// <summary>The policy version a person was given at acquisition: the one in force, or a stored older one.</summary>
    private async Task<PolicyDocument?> NoticeAsync(string version, CancellationToken ct)
    {
        if (version == policy.Version)
            return policy.Document;
        if (_notices.TryGetValue(version, out var cached))
            return cached;
        var stored = await versions.FindAsync(version, ct);
        var document = stored is null ? null : PolicyLoader.Load("policy-" + version, stored.Yaml).Document;
        _notices[version] = document;
        return document;
    }

    /// <summary>Denies a provision: an audit entry with the code (ids only), then the problem.</summary>
    private sealed class Denial(MamoriDb db, CurrentPolicy policy, AuditTrail audit, string actor, ProvideCommand command, Recipient? recipient, CancellationToken ct)
    {
        public async Task ThrowAsync(string code, string message, int status)
        {
            var document = policy.Document;
            var purpose = document.Purposes.Any(p => p.Id == command.Purpose) ? command.Purpose : null;
            var categories = command.Items?.Where(i => document.DataCategories.Any(d => d.Id == i)).Distinct().ToList();
            var person = await db.Set<Person>().AsNoTracking().AnyAsync(p => p.Id == command.PersonId, ct) ? command.PersonId : (Guid?)null;
            await audit.AppendAsync(new AuditEvent(actor, AuditActions.Provision, AuditOutcomes.Denied, purpose, person, null,
                categories, [code], recipient is null ? null : "recipient:" + recipient.Id), ct);
            throw status == 403 ? new ProvisionDeniedException(code, message) : new MamoriException(code, message, status);
        }
    }
}

/// <summary>A provision refused by a rule of the provision capability (403, with its code).</summary>
public sealed class ProvisionDeniedException(string code, string message) : MamoriException(code, message, 403);
