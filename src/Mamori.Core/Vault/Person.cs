using Mamori.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Vault;

/// <summary>
/// A data subject of one of the policy's subject kinds. Holds no personal value itself: those are encrypted
/// <see cref="PersonItem"/>s. The flags are set by data-subject requests and enforced by every decision.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>A subject kind of the policy: customer, applicant, business_contact, employee.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool UseSuspended { get; set; }
    public bool ProvisionSuspended { get; set; }
    /// <summary>Set when the person was erased (crypto-shredded); the tombstone is in shredded_keys.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public List<PersonItem> Items { get; set; } = [];
}

/// <summary>
/// One personal value (text or a file) under a data category, encrypted with the person's data key
/// (AES-256-GCM, bound to person, category and item id), with where it came from.
/// </summary>
public sealed class PersonItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PersonId { get; set; }
    /// <summary>A data category of the policy, e.g. contact.email.</summary>
    public string Category { get; set; } = "";
    /// <summary>text, or a file's media type (application/pdf, image/jpeg, audio/mpeg …).</summary>
    public string ContentType { get; set; } = ItemContent.Text;
    /// <summary>The encrypted value; never plaintext.</summary>
    public byte[] Ciphertext { get; set; } = [];
    public Provenance Provenance { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The staff member or key that stored it (an actor id, not a personal value).</summary>
    public string CreatedBy { get; set; } = "";
}

public static class ItemContent
{
    public const string Text = "text";
}

/// <summary>Where an item came from: the §2 channel, the provider, when, under which policy and for which purposes.</summary>
public sealed class Provenance
{
    /// <summary>An acquisition channel of the policy (§2): direct, automatic, third_party, informative_linking, public_sources.</summary>
    public string Channel { get; set; } = "";
    /// <summary>Who provided it, for third-party acquisition: a recipient id or an organisation's name, never a person's.</summary>
    [PersonalData] // typed by a caller; a mistake would put a person's name here
    public string? Source { get; set; }
    public DateTimeOffset AcquiredAt { get; set; }
    /// <summary>The policy version in force when it was acquired (the notice the person was given).</summary>
    public string PolicyVersion { get; set; } = "";
    /// <summary>The purposes notified at acquisition (purpose ids, space-separated in storage).</summary>
    public List<string> NotifiedPurposes { get; set; } = [];
    /// <summary>For sensitive (要配慮 / 機微) items: the §8 ground it rests on (e.g. insurance_business).</summary>
    public string? SensitiveGround { get; set; }
    /// <summary>For sensitive items: a reference to the recorded written consent (e.g. the scanned form's id).</summary>
    [SensitiveData]
    public string? WrittenConsent { get; set; }

    /// <summary>Each item owns its provenance row; items acquired together get equal copies.</summary>
    public Provenance Copy() => new()
    {
        Channel = Channel, Source = Source, AcquiredAt = AcquiredAt, PolicyVersion = PolicyVersion,
        NotifiedPurposes = [.. NotifiedPurposes], SensitiveGround = SensitiveGround, WrittenConsent = WrittenConsent,
    };
}

/// <summary>A keyed hash of a normalised searchable value (email, phone, name + birthdate), never the value.</summary>
public sealed class PersonLookup
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public string Kind { get; set; } = "";
    public string Hash { get; set; } = "";
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.ToTable("persons");
        e.Property(p => p.Kind).HasMaxLength(64).IsRequired();
        e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonItemConfiguration : IEntityTypeConfiguration<PersonItem>
{
    public void Configure(EntityTypeBuilder<PersonItem> e)
    {
        e.ToTable("person_items");
        e.Property(i => i.Category).HasMaxLength(100).IsRequired();
        e.Property(i => i.ContentType).HasMaxLength(100).IsRequired();
        e.Property(i => i.Ciphertext).IsRequired();
        e.Property(i => i.CreatedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(i => new { i.PersonId, i.Category });
        e.OwnsOne(i => i.Provenance, p =>
        {
            p.Property(x => x.Channel).HasColumnName("channel").HasMaxLength(64).IsRequired();
            p.Property(x => x.Source).HasColumnName("source").HasMaxLength(200);
            p.Property(x => x.AcquiredAt).HasColumnName("acquired_at");
            p.Property(x => x.PolicyVersion).HasColumnName("policy_version").HasMaxLength(64).IsRequired();
            p.Property(x => x.NotifiedPurposes).HasColumnName("notified_purposes").HasMaxLength(4000)
                .HasConversion(v => string.Join(' ', v), s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
            p.Property(x => x.SensitiveGround).HasColumnName("sensitive_ground").HasMaxLength(64);
            p.Property(x => x.WrittenConsent).HasColumnName("written_consent").HasMaxLength(200);
        });
    }
}

internal sealed class PersonLookupConfiguration : IEntityTypeConfiguration<PersonLookup>
{
    public void Configure(EntityTypeBuilder<PersonLookup> e)
    {
        e.ToTable("person_lookups");
        e.Property(l => l.Kind).HasMaxLength(32).IsRequired();
        e.Property(l => l.Hash).HasMaxLength(64).IsRequired();
        e.HasIndex(l => new { l.Kind, l.Hash });
        e.HasIndex(l => l.PersonId);
    }
}
