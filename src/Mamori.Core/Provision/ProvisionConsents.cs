using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Provision;

/// <summary>A person's consent to provision, as the agency took it.</summary>
/// <param name="Recipient">A recipient's policy id; or give <paramref name="RecipientKind"/> for every recipient of a kind.</param>
/// <param name="CrossBorderCountry">For a recipient abroad, with the next two: what the person was told (Art. 28(2)).</param>
public sealed record GiveProvisionConsent(
    [property: Pseudonymous] Guid PersonId,
    [property: UncheckedInput] string? Recipient,
    [property: UncheckedInput] string? RecipientKind,
    [property: UncheckedInput] IReadOnlyList<string> Purposes,
    [property: UncheckedInput] string Method,
    [property: PersonalData] string? Reference,
    [property: UncheckedInput] string? CrossBorderCountry,
    [property: PersonalData] string? CrossBorderRegime,
    [property: PersonalData] string? RecipientMeasures);

/// <summary>Records and withdraws <see cref="ProvisionConsent"/>s; each is paired with a <c>provision</c> row in the consent ledger.</summary>
public sealed class ProvisionConsents(MamoriDb db, CurrentPolicy policy, ConsentLedger ledger, AuditTrail audit, TimeProvider clock)
{
    public const int MaxTextLength = 2000;

    public async Task<ProvisionConsent> GiveAsync(GiveProvisionConsent command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var document = policy.Document;
        if ((command.Recipient is null) == (command.RecipientKind is null))
            throw Invalid("Name either 'recipient' (a recipient id) or 'recipientKind'.");
        if (command.Recipient is not null && await Parties.RecipientDirectory.ResolveAsync(db, document, command.Recipient, ct) is null)
            throw new MamoriException(ProvisionCodes.RecipientUnknown, "Unknown recipient: a policy recipient's id or a registered party's code.");
        if (command.RecipientKind is not null && !document.Recipients.Any(r => r.Kind == command.RecipientKind))
            throw Invalid("Unknown recipient kind.");
        if (command.Purposes is not { Count: > 0 } || command.Purposes.Any(p => !Provisions.IsProvisionPurpose(document, p)))
            throw Invalid("Name 1 or more purposes for which the policy provides to third parties.");
        if (command.Method is not (ConsentMethods.Api or ConsentMethods.Written))
            throw Invalid("The method is api (taken by staff or a system) or written (a signed form, with its reference).");
        var crossBorder = new[] { command.CrossBorderCountry, command.CrossBorderRegime, command.RecipientMeasures };
        if (crossBorder.Any(v => v is not null) && crossBorder.Any(string.IsNullOrWhiteSpace))
            throw Invalid("The cross-border information is all three items (country, its regime, the recipient's measures) or none.");
        if (command.CrossBorderCountry is { } country && !(country == "unknown" || (country.Length == 2 && country.All(char.IsAsciiLetterUpper))))
            throw Invalid("The country is an ISO 3166-1 alpha-2 code (e.g. US), or 'unknown' with the reason in the regime text.");
        if (crossBorder.Skip(1).Any(v => v is { Length: > MaxTextLength }))
            throw Invalid($"The regime and measures are at most {MaxTextLength} characters each.");

        var recorded = await ledger.RecordAsync(new RecordConsent(ConsentSubject.Person(command.PersonId),
            new Dictionary<string, bool> { [ConsentCatalog.Provision] = true }, command.Method, Gpc: false, actor, Trusted: true, command.Reference), ct);
        var consent = new ProvisionConsent
        {
            PersonId = command.PersonId,
            RecipientId = command.Recipient,
            RecipientKind = command.RecipientKind,
            Purposes = [.. command.Purposes.Distinct(StringComparer.Ordinal)],
            Method = command.Method,
            Reference = command.Reference,
            CrossBorderCountry = command.CrossBorderCountry,
            CrossBorderRegime = command.CrossBorderRegime,
            RecipientMeasures = command.RecipientMeasures,
            GivenAt = clock.GetUtcNow(),
            PolicyVersion = policy.Version,
            LedgerReceiptId = recorded.ReceiptId,
            RecordedBy = actor,
        };
        db.Set<ProvisionConsent>().Add(consent);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionConsentRecorded, AuditOutcomes.Success, PersonId: command.PersonId,
            Target: "provision_consent:" + consent.Id.ToString("D")), ct);
        return consent;
    }

    public async Task<ProvisionConsent> WithdrawAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var consent = await db.Set<ProvisionConsent>().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new MamoriException(ProvisionCodes.ConsentNotFound, "No such provision consent.", 404);
        consent.WithdrawnAt ??= clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ProvisionConsentWithdrawn, AuditOutcomes.Success, PersonId: consent.PersonId,
            Target: "provision_consent:" + consent.Id.ToString("D")), ct);
        return consent;
    }

    public Task<List<ProvisionConsent>> ForPersonAsync(Guid personId, CancellationToken ct = default) =>
        db.Set<ProvisionConsent>().AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.GivenAt).ToListAsync(ct);

    private static MamoriException Invalid(string message) => new(ProvisionCodes.ConsentInvalid, message);
}
