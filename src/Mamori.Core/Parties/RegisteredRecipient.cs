using Mamori.Data;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Parties;

/// <summary>A recipient a provision names, as the registry and the policy know it together.</summary>
/// <param name="Recipient">What the record quotes: the registry's particulars where the party is registered, else the policy's.</param>
/// <param name="PolicyRecipientId">The policy recipient whose rules apply (joint users are named by it).</param>
/// <param name="Ended">The registered party's relationship has ended.</param>
public sealed record RegisteredRecipient(Recipient Recipient, string PolicyRecipientId, bool Ended);

/// <summary>Resolves a provision's recipient: a registered party by its code first, the policy's recipient otherwise.</summary>
public static class RecipientDirectory
{
    public static async Task<RegisteredRecipient?> ResolveAsync(MamoriDb db, PolicyDocument document, string? code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(code))
            return null;
        var party = await db.Set<Party>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        var fromPolicy = document.Recipients.FirstOrDefault(r => r.Id == code);
        if (party is null)
            return fromPolicy is null ? null : new RegisteredRecipient(fromPolicy, fromPolicy.Id, false);
        var recipient = ToRecipient(party, document);
        return new RegisteredRecipient(recipient, party.PolicyRecipientId ?? party.Code, !party.Active);
    }

    /// <summary>A registered party as a recipient: its own particulars, and what it leaves unsaid from the policy
    /// recipient it belongs to.</summary>
    public static Recipient ToRecipient(Party party, PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(document);
        var policyRecipient = document.Recipients.FirstOrDefault(r => r.Id == party.PolicyRecipientId);
        return new Recipient
        {
            Id = party.Code,
            Kind = party.Kind,
            Name = new LocalizedText { Ja = party.NameJa, En = party.NameEn.Length > 0 ? party.NameEn : party.NameJa },
            Address = party.Address is null ? policyRecipient?.Address : new PostalAddress { Text = Both(party.Address) },
            Representative = party.Representative is null ? policyRecipient?.Representative : new Person { Name = Both(party.Representative) },
            Country = party.Country,
            Contract = party.Contract is null ? policyRecipient?.Contract : Both(party.Contract),
            Relationship = party.Relationship is null ? policyRecipient?.Relationship : Both(party.Relationship),
        };
    }

    private static LocalizedText Both(string text) => new() { Ja = text, En = text };
}
