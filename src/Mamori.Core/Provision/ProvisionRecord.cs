using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Provision;

/// <summary>The kinds of record the law asks for, as stored in <see cref="ProvisionRecord.Kind"/>.</summary>
public static class RecordKinds
{
    /// <summary>The provider's record of a provision (Art. 29, 規則20).</summary>
    public const string Provision = "art29";
    /// <summary>The recipient's record of personal data received from a third party (Art. 30, 規則24).</summary>
    public const string Receipt = "art30";
    /// <summary>The record of personal-related information received to be linked, with the person's consent confirmed (Art. 31, 規則28).</summary>
    public const string Linking = "art31";
}

/// <summary>How the person's consent to a provision was established, as stored in <see cref="ProvisionRecord.ConsentSource"/>.</summary>
public static class ConsentSources
{
    /// <summary>A <see cref="ProvisionConsent"/> naming the recipient (or its kind) and the purpose.</summary>
    public const string Explicit = "explicit";
    /// <summary>Agreement at acquisition to a policy version naming the recipient's kind and the purpose.</summary>
    public const string Acquisition = "acquisition";
    /// <summary>The customer's own request to provide to a co-solicitor (§5 table).</summary>
    public const string Request = "request";
    /// <summary>Joint use with a joint user abroad: consent with the Art. 28 information (a record is kept).</summary>
    public const string JointUse = "joint_use";
    /// <summary>For an Art. 31 record: the person's <c>art31_link</c> choice in the consent ledger.</summary>
    public const string Ledger = "ledger";
    /// <summary>For an Art. 30 record: the provider says the person consented.</summary>
    public const string Provider = "provider";
}

/// <summary>
/// One record of third-party provision or receipt (Arts. 29–31), exactly the fields the Enforcement Rules ask
/// for plus what the agency needs to keep and disclose it. A batch record covers a continuous flow to (or from)
/// the same party about the same person: <see cref="FirstAt"/> to <see cref="LastAt"/>, <see cref="Count"/> times.
/// Holds no personal value of the person: they are named by their vault id, the items by category id.
/// Party details are an organisation's (the recipient's from the policy, the provider's as confirmed).
/// </summary>
public sealed class ProvisionRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>One of <see cref="RecordKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The data subject's identifier (the vault id: an internal id is enough, 規則20).</summary>
    public Guid PersonId { get; set; }
    /// <summary>For a provision: the recipient's policy id.</summary>
    public string? RecipientId { get; set; }
    /// <summary>The recipient's (Art. 29) or provider's (Arts. 30, 31) name.</summary>
    public string PartyName { get; set; } = "";
    public string? PartyAddress { get; set; }
    public string? PartyRepresentative { get; set; }
    /// <summary>Art. 30: how the provider obtained the data (取得の経緯).</summary>
    public string? PartyAcquisition { get; set; }
    /// <summary>The recipient's country (ISO 3166-1 alpha-2 or "unknown").</summary>
    public string? Country { get; set; }
    public string? Purpose { get; set; }
    /// <summary>Data category ids (space-separated in storage).</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>consent, request (Art. 29); consent, opt_out (Art. 30); art31 (Art. 31).</summary>
    public string Basis { get; set; } = "";
    /// <summary>The consent flag of 規則20/24: consent was obtained (or, for Art. 31, confirmed).</summary>
    public bool ConsentObtained { get; set; }
    /// <summary>For an opt-out provision or receipt: its date, instead of the consent flag.</summary>
    public DateOnly? OptOutDate { get; set; }
    /// <summary>One of <see cref="ConsentSources"/>.</summary>
    public string? ConsentSource { get; set; }
    /// <summary>What the consent rests on: a provision consent's id, the policy version(s) agreed to, a ledger receipt id.</summary>
    public string? ConsentReference { get; set; }
    /// <summary>Art. 28: the consent carried the country, its regime and the recipient's measures.</summary>
    public bool CrossBorderInformed { get; set; }
    public bool Batch { get; set; }
    public int Count { get; set; } = 1;
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    /// <summary>Where a contract (or another record) stands in for this one: its reference; retention is then 1 year.</summary>
    public string? ContractReference { get; set; }
    /// <summary>3 years after the last provision, or 1 year where a contract stands in (規則21/25); purged afterwards.</summary>
    public DateTimeOffset KeepUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public static DateTimeOffset RetentionEnd(DateTimeOffset last, bool contractStandsIn) => last.AddYears(contractStandsIn ? 1 : 3);
}

/// <summary>
/// A person's consent to provision to one recipient (or every recipient of one kind) for some purposes, as the agency
/// took it (on the phone, on a signed form). For a recipient abroad it carries the three Art. 28(2) items the person
/// was told. Paired with a <c>provision</c> row in the consent ledger (<see cref="LedgerReceiptId"/>); a withdrawal
/// ends it.
/// </summary>
public sealed class ProvisionConsent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    public string? RecipientId { get; set; }
    public string? RecipientKind { get; set; }
    public List<string> Purposes { get; set; } = [];
    /// <summary>api or written (a ledger method).</summary>
    public string Method { get; set; } = "";
    public string? Reference { get; set; }
    /// <summary>Art. 28(2) ①: the country the person was told (ISO code, or "unknown" with the reason in the regime text).</summary>
    public string? CrossBorderCountry { get; set; }
    /// <summary>Art. 28(2) ②: what was said of that country's regime.</summary>
    public string? CrossBorderRegime { get; set; }
    /// <summary>Art. 28(2) ③: what was said of the recipient's measures.</summary>
    public string? RecipientMeasures { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public string PolicyVersion { get; set; } = "";
    public Guid LedgerReceiptId { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string RecordedBy { get; set; } = "";

    public bool HasCrossBorderInformation(string country) =>
        string.Equals(CrossBorderCountry, country, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(CrossBorderRegime) && !string.IsNullOrWhiteSpace(RecipientMeasures);
}

/// <summary>One run of the retention purge: when, by whom, and which records it deleted (ids only).</summary>
public sealed class ProvisionPurge
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset PurgedAt { get; set; }
    public string Actor { get; set; } = "";
    public int Count { get; set; }
    /// <summary>The purged records' ids, comma-separated.</summary>
    public string RecordIds { get; set; } = "";
}

internal static class ListColumn
{
    public static PropertyBuilder<List<string>> AsSpaceSeparated(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(v => string.Join(' ', v), s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
}

internal sealed class ProvisionRecordConfiguration : IEntityTypeConfiguration<ProvisionRecord>
{
    public void Configure(EntityTypeBuilder<ProvisionRecord> e)
    {
        e.ToTable("provision_records");
        e.Property(r => r.Kind).HasMaxLength(8).IsRequired();
        e.Property(r => r.RecipientId).HasMaxLength(64);
        e.Property(r => r.PartyName).HasMaxLength(200).IsRequired();
        e.Property(r => r.PartyAddress).HasMaxLength(300);
        e.Property(r => r.PartyRepresentative).HasMaxLength(200);
        e.Property(r => r.PartyAcquisition).HasMaxLength(1000);
        e.Property(r => r.Country).HasMaxLength(16);
        e.Property(r => r.Purpose).HasMaxLength(100);
        e.Property(r => r.Items).HasMaxLength(4000).AsSpaceSeparated();
        e.Property(r => r.Basis).HasMaxLength(32).IsRequired();
        e.Property(r => r.ConsentSource).HasMaxLength(32);
        e.Property(r => r.ConsentReference).HasMaxLength(300);
        e.Property(r => r.ContractReference).HasMaxLength(200);
        e.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(r => r.PersonId);
        e.HasIndex(r => r.KeepUntil);
        e.HasIndex(r => new { r.Kind, r.RecipientId, r.PersonId, r.Batch });
    }
}

internal sealed class ProvisionConsentConfiguration : IEntityTypeConfiguration<ProvisionConsent>
{
    public void Configure(EntityTypeBuilder<ProvisionConsent> e)
    {
        e.ToTable("provision_consents");
        e.Property(c => c.RecipientId).HasMaxLength(64);
        e.Property(c => c.RecipientKind).HasMaxLength(64);
        e.Property(c => c.Purposes).HasMaxLength(4000).AsSpaceSeparated();
        e.Property(c => c.Method).HasMaxLength(32).IsRequired();
        e.Property(c => c.Reference).HasMaxLength(200);
        e.Property(c => c.CrossBorderCountry).HasMaxLength(16);
        e.Property(c => c.CrossBorderRegime).HasMaxLength(2000);
        e.Property(c => c.RecipientMeasures).HasMaxLength(2000);
        e.Property(c => c.PolicyVersion).HasMaxLength(64).IsRequired();
        e.Property(c => c.RecordedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(c => c.PersonId);
    }
}

internal sealed class ProvisionPurgeConfiguration : IEntityTypeConfiguration<ProvisionPurge>
{
    public void Configure(EntityTypeBuilder<ProvisionPurge> e)
    {
        e.ToTable("provision_purges");
        e.Property(p => p.Actor).HasMaxLength(200).IsRequired();
        e.Property(p => p.RecordIds).IsRequired();
    }
}
