using Mamori.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Retention;

/// <summary>
/// A legal hold (訴訟ホールド等): while it stands, retention disposes of nothing it covers — one person, or every item
/// of one data category (an informative category holds the device signals too). Set and released by the privacy
/// officer with a reason; both are audited. Released holds are kept as the record of what was held, when and why.
/// </summary>
public sealed class LegalHold
{
    public const int MaxReason = 500;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? PersonId { get; set; }
    /// <summary>A data category of the policy.</summary>
    public string? Category { get; set; }
    /// <summary>Why (a case or matter reference, never a person's name).</summary>
    [PersonalData] public string Reason { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
    public string SetBy { get; set; } = "";
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedBy { get; set; }

    public bool IsActive => ReleasedAt is null;
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.ToTable("legal_holds");
        e.Property(h => h.Category).HasMaxLength(100);
        e.Property(h => h.Reason).HasMaxLength(LegalHold.MaxReason).IsRequired();
        e.Property(h => h.SetBy).HasMaxLength(200).IsRequired();
        e.Property(h => h.ReleasedBy).HasMaxLength(200);
        e.Ignore(h => h.IsActive);
        e.HasIndex(h => h.PersonId);
    }
}
