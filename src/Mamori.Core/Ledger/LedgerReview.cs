using Mamori.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Ledger;

/// <summary>A review of the ledger signed off by the privacy officer (JIS Q 15001: at least yearly): who, when, under
/// which policy version, and what they found.</summary>
public sealed class LedgerReview
{
    public const int MaxComment = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset ReviewedAt { get; set; }
    /// <summary>The staff member (an actor id).</summary>
    public string ReviewedBy { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    [PersonalData] public string Comment { get; set; } = "";
}

internal sealed class LedgerReviewConfiguration : IEntityTypeConfiguration<LedgerReview>
{
    public void Configure(EntityTypeBuilder<LedgerReview> e)
    {
        e.ToTable("ledger_reviews");
        e.Property(r => r.ReviewedBy).HasMaxLength(200).IsRequired();
        e.Property(r => r.PolicyVersion).HasMaxLength(64).IsRequired();
        e.Property(r => r.Comment).HasMaxLength(LedgerReview.MaxComment).IsRequired();
        e.HasIndex(r => r.ReviewedAt);
    }
}
