using System.Text.RegularExpressions;
using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Policy.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Parties;

/// <summary>A party's particulars as the console or the API gives them (for a new party or a change).</summary>
public sealed record SaveParty(
    [property: UncheckedInput] string? Code,
    [property: UncheckedInput] string? Kind,
    [property: UncheckedInput] string? PolicyRecipientId,
    [property: UncheckedInput] string? NameJa,
    [property: UncheckedInput] string? NameEn,
    [property: UncheckedInput] string? Address,
    [property: PersonalData] string? Representative,
    [property: UncheckedInput] string? Country,
    [property: UncheckedInput] string? Contract,
    [property: UncheckedInput] string? Relationship,
    bool Listed = false,
    [property: UncheckedInput] string? EntrustedWork = null,
    [property: UncheckedInput] IReadOnlyList<string>? EntrustedItems = null,
    int? EvaluationIntervalMonths = null);

/// <summary>
/// The registry of concrete parties (§5–§7): recording, changing and ending them, each audited with ids only; and the
/// public list of co-solicitors (§5 table, <c>/privacy/co-solicitors</c>). A party belongs to a recipient of the policy,
/// which fixes its kind: the policy stays the source of what may be provided to whom, the registry says who they are.
/// </summary>
public sealed partial class PartyRegistry(MamoriDb db, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public const int MaxIntervalMonths = 60;

    public async Task<Party> CreateAsync(SaveParty command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = (command.Code ?? "").Trim();
        if (!CodePattern().IsMatch(code))
            throw new MamoriException(PartyCodes.CodeInvalid, $"The code is 1–{Party.MaxCode} characters: lower-case letters, digits, '_' and '-', starting with a letter.");
        if (await db.Set<Party>().AnyAsync(p => p.Code == code, ct))
            throw new MamoriException(PartyCodes.CodeTaken, "Another party has this code.", 409);
        var now = clock.GetUtcNow();
        var party = new Party { Code = code, CreatedAt = now };
        Apply(party, command);
        party.UpdatedAt = now;
        db.Set<Party>().Add(party);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.PartyCreated, AuditOutcomes.Success, Target: Target(party.Id)), ct);
        return party;
    }

    public async Task<Party> UpdateAsync(Guid id, SaveParty command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var party = await db.Set<Party>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        if (command.Code is { } code && code.Trim() != party.Code)
            throw new MamoriException(PartyCodes.CodeFixed, "A party's code never changes: provisions and their records name it.");
        Apply(party, command);
        party.UpdatedAt = clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.PartyUpdated, AuditOutcomes.Success, Target: Target(party.Id)), ct);
        return party;
    }

    /// <summary>Ends the relationship: nothing more is provided to the party; it stays for the records naming it.</summary>
    public async Task<Party> EndAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var party = await db.Set<Party>().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();
        if (!party.Active)
            throw new MamoriException(PartyCodes.Ended, "The relationship with this party has already ended.", 409);
        party.EndedAt = party.UpdatedAt = clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.PartyEnded, AuditOutcomes.Success, Target: Target(party.Id)), ct);
        return party;
    }

    public async Task<Party> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<Party>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw NotFound();

    /// <summary>The parties, of one kind or all, active ones first, by code.</summary>
    public async Task<List<Party>> ListAsync(string? kind = null, CancellationToken ct = default)
    {
        var query = db.Set<Party>().AsNoTracking();
        if (!string.IsNullOrEmpty(kind))
        {
            // An unknown kind is the caller's mistake, and never reaches the database (PostgreSQL refuses a NUL in text).
            if (!PartyKinds.All.Contains(kind))
                throw new MamoriException(PartyCodes.KindUnknown, $"The kind is one of {string.Join(", ", PartyKinds.All)}.");
            query = query.Where(p => p.Kind == kind);
        }
        var parties = await query.ToListAsync(ct);
        return [.. parties.OrderBy(p => p.EndedAt is not null).ThenBy(p => p.Code, StringComparer.Ordinal)];
    }

    /// <summary>The co-solicitors published on <c>/privacy/co-solicitors</c>: active, listed, by Japanese name.</summary>
    public async Task<List<Party>> PublicCoSolicitorsAsync(CancellationToken ct = default)
    {
        var parties = await db.Set<Party>().AsNoTracking()
            .Where(p => p.Kind == PartyKinds.CoSolicitor && p.Listed && p.EndedAt == null).ToListAsync(ct);
        return [.. parties.OrderBy(p => p.NameJa, StringComparer.Ordinal)];
    }

    /// <summary>What the public notice names of the registry: active contractors (§7) and active parties abroad (§11(7)).</summary>
    public async Task<List<Recipient>> ForNoticeAsync(CancellationToken ct = default)
    {
        var parties = await db.Set<Party>().AsNoTracking()
            .Where(p => p.EndedAt == null && (p.Kind == PartyKinds.Contractor || (p.Country != "JP" && p.Country != PolicyVocabulary.UnknownCountry)))
            .ToListAsync(ct);
        return [.. parties.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => RecipientDirectory.ToRecipient(p, policy.Document))];
    }

    private void Apply(Party party, SaveParty command)
    {
        var document = policy.Document;
        var kind = (command.Kind ?? "").Trim();
        if (!PartyKinds.All.Contains(kind))
            throw new MamoriException(PartyCodes.KindUnknown, $"The kind is one of {string.Join(", ", PartyKinds.All)}.");
        party.Kind = kind;
        party.NameJa = Required(command.NameJa, Party.MaxName);
        party.NameEn = Optional(command.NameEn, Party.MaxName) ?? "";
        party.Address = Optional(command.Address, Party.MaxText);
        party.Representative = Optional(command.Representative, Party.MaxName);
        var country = (command.Country ?? "").Trim();
        country = country == PolicyVocabulary.UnknownCountry ? country : country.ToUpperInvariant();
        if (country != PolicyVocabulary.UnknownCountry && !IsoCountries.IsAlpha2(country))
            throw new MamoriException(PartyCodes.CountryInvalid, "The country is an ISO 3166-1 alpha-2 code (JP, US, SG…) or 'unknown'.");
        party.Country = country;
        party.PolicyRecipientId = PolicyRecipient(document, party.Code, kind, Optional(command.PolicyRecipientId, 64));
        party.Contract = Optional(command.Contract, Party.MaxText);
        party.Relationship = Optional(command.Relationship, Party.MaxText);
        party.Listed = kind == PartyKinds.CoSolicitor && command.Listed;
        var contractor = kind == PartyKinds.Contractor;
        party.EntrustedWork = contractor ? Optional(command.EntrustedWork, Party.MaxText) : null;
        var items = contractor ? (command.EntrustedItems ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList() : [];
        if (items.Count > 100 || items.Any(i => !document.DataCategories.Any(d => d.Id == i)))
            throw new MamoriException(PartyCodes.ItemsInvalid, "Entrusted items are data categories of the policy (at most 100).");
        party.EntrustedItems = [.. items.Order(StringComparer.Ordinal)];
        var interval = command.EvaluationIntervalMonths ?? 12;
        if (interval is < 1 or > MaxIntervalMonths)
            throw new MamoriException(PartyCodes.IntervalInvalid, $"Re-evaluate a contractor every 1–{MaxIntervalMonths} months.");
        party.EvaluationIntervalMonths = interval;
    }

    /// <summary>The policy recipient the party belongs to: the one named (of the same kind), the one whose id is the
    /// party's code, or the only one of its kind. A contractor needs none (§7 lists none by name).</summary>
    private static string? PolicyRecipient(PolicyDocument document, string code, string kind, string? named)
    {
        var sameCode = document.Recipients.FirstOrDefault(r => r.Id == code);
        if (named is not null)
        {
            var recipient = document.Recipients.FirstOrDefault(r => r.Id == named)
                ?? throw new MamoriException(PartyCodes.PolicyRecipientUnknown,
                    $"Unknown policy recipient. Recipients: {string.Join(", ", document.Recipients.Select(r => r.Id))}.");
            if (recipient.Kind != kind || (sameCode is not null && sameCode.Id != named))
                throw new MamoriException(PartyCodes.PolicyRecipientMismatch, "The party belongs to a policy recipient of its own kind (and to the one its code names).");
            return named;
        }
        if (sameCode is not null)
            return sameCode.Kind == kind ? sameCode.Id
                : throw new MamoriException(PartyCodes.PolicyRecipientMismatch, $"The policy recipient '{code}' is of kind {sameCode.Kind}.");
        var ofKind = document.Recipients.Where(r => r.Kind == kind).ToList();
        if (ofKind.Count == 1)
            return ofKind[0].Id;
        if (kind == PartyKinds.Contractor && ofKind.Count == 0)
            return null;
        throw new MamoriException(PartyCodes.PolicyRecipientRequired, ofKind.Count == 0
            ? $"The policy names no recipient of kind {kind}: add it to the policy first."
            : $"Name the policy recipient the party belongs to: {string.Join(", ", ofKind.Select(r => r.Id))}.");
    }

    private static string Required(string? value, int max) =>
        Optional(value, max) ?? throw new MamoriException(PartyCodes.NameMissing, "The Japanese name is required.");

    private static string? Optional(string? value, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        return text.Length <= max ? text : throw new MamoriException(PartyCodes.TextTooLong, $"A text is longer than {max} characters.");
    }

    private static MamoriException NotFound() => new(PartyCodes.NotFound, "No party has this id.", 404);

    public static string Target(Guid id) => "party:" + id.ToString("D");

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex CodePattern();
}
