using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Vault.Crypto;

/// <summary>
/// A person's data key, wrapped (AES-256-GCM) under a master key with the person id as associated data.
/// Holds no personal data and is useless without the master key ring. Deleting the row is crypto-shredding:
/// every item of the person becomes unreadable, in this database and in any backup once the shredded list is
/// re-applied (<see cref="KeyVault.ReapplyShreddingAsync"/>).
/// </summary>
public sealed class PersonKey
{
    public Guid PersonId { get; set; }

    /// <summary>Which master key wrapped it; rotation re-wraps every row not under the current key.</summary>
    public string MasterKeyId { get; set; } = "";

    public byte[] Nonce { get; set; } = [];

    /// <summary>The encrypted 32-byte key followed by the 16-byte GCM tag.</summary>
    public byte[] Ciphertext { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last wrapped (creation or rotation).</summary>
    public DateTimeOffset WrappedAt { get; set; }

    internal WrappedDataKey Wrapped => new(MasterKeyId, Nonce, Ciphertext);

    internal void Store(WrappedDataKey wrapped, DateTimeOffset at)
    {
        MasterKeyId = wrapped.MasterKeyId;
        Nonce = wrapped.Nonce;
        Ciphertext = wrapped.Ciphertext;
        WrappedAt = at;
    }
}

internal sealed class PersonKeyConfiguration : IEntityTypeConfiguration<PersonKey>
{
    public void Configure(EntityTypeBuilder<PersonKey> e)
    {
        e.ToTable("person_keys");
        e.HasKey(k => k.PersonId);
        e.Property(k => k.PersonId).ValueGeneratedNever();
        e.Property(k => k.MasterKeyId).HasMaxLength(MasterKey.MaxIdLength).IsRequired();
        e.Property(k => k.Nonce).HasMaxLength(DataKeyWrap.NonceSize).IsRequired();
        e.Property(k => k.Ciphertext).HasMaxLength(DataKeyWrap.CiphertextSize).IsRequired();
        e.HasIndex(k => k.MasterKeyId); // rotation looks for rows not yet under the current key
    }
}
