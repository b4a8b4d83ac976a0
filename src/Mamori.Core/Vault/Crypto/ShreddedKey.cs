using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Vault.Crypto;

/// <summary>
/// The tombstone of an erased person: their data key was destroyed. Kept for good — it is the proof of erasure
/// and the list a restored backup is re-shredded from (mirrored in <see cref="ShreddedKeyLog"/>).
/// Reason and actor must not carry personal data: name the request or rule (e.g. "request 2025-0042: 消去"), and
/// the staff account by its user name or "system".
/// </summary>
public sealed class ShreddedKey
{
    public const int MaxReasonLength = 500;
    public const int MaxActorLength = 200;

    public Guid PersonId { get; set; }

    public DateTimeOffset ShreddedAt { get; set; }

    public string Reason { get; set; } = "";

    public string Actor { get; set; } = "";
}

internal sealed class ShreddedKeyConfiguration : IEntityTypeConfiguration<ShreddedKey>
{
    public void Configure(EntityTypeBuilder<ShreddedKey> e)
    {
        e.ToTable("shredded_keys");
        e.HasKey(s => s.PersonId);
        e.Property(s => s.PersonId).ValueGeneratedNever();
        e.Property(s => s.Reason).HasMaxLength(ShreddedKey.MaxReasonLength).IsRequired();
        e.Property(s => s.Actor).HasMaxLength(ShreddedKey.MaxActorLength).IsRequired();
    }
}
