using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Signals;

/// <summary>
/// The record of one hand-over of an audience's device IDs to a recipient: what APPI Art. 31 and 規則28 ask of the
/// provider when the recipient is expected to link them to persons — the recipient's name, address and
/// representative (as the policy stated them that day), the specific items, how many, when, and that the persons'
/// consent to the linking was confirmed and how. Kept for every export, linking or not, so every hand-over is on file.
/// </summary>
public sealed class AudienceExport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset ExportedAt { get; set; }
    public string ExportedBy { get; set; } = "";
    /// <summary>A recipient id of the policy (e.g. <c>dmp_vendor</c>).</summary>
    public string Recipient { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public string? RecipientAddress { get; set; }
    public string? RecipientRepresentative { get; set; }
    /// <summary>The policy purpose the export serves.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>What selected the devices, e.g. <c>urlPrefix=https://…/car/; days=30</c>.</summary>
    public string Segment { get; set; } = "";
    /// <summary>The specific items, in the policy's words (e.g. 端末ID等…、閲覧したURL…), not "information".</summary>
    public string Items { get; set; } = "";
    public int Count { get; set; }
    /// <summary>Whether the recipient is expected to link the IDs to personal data it holds (Art. 31).</summary>
    public bool RecipientLinks { get; set; }
    /// <summary>Whether each exported device's consent to that linking was confirmed (only those devices are in the export).</summary>
    public bool ConsentConfirmed { get; set; }
    /// <summary>How the consent was confirmed, in words for the record; null when none was needed.</summary>
    public string? ConsentMethod { get; set; }
}

internal sealed class AudienceExportConfiguration : IEntityTypeConfiguration<AudienceExport>
{
    public void Configure(EntityTypeBuilder<AudienceExport> e)
    {
        e.ToTable("audience_exports");
        e.Property(a => a.ExportedBy).HasMaxLength(200).IsRequired();
        e.Property(a => a.Recipient).HasMaxLength(64).IsRequired();
        e.Property(a => a.RecipientName).HasMaxLength(200).IsRequired();
        e.Property(a => a.RecipientAddress).HasMaxLength(500);
        e.Property(a => a.RecipientRepresentative).HasMaxLength(200);
        e.Property(a => a.Purpose).HasMaxLength(100).IsRequired();
        e.Property(a => a.Segment).HasMaxLength(SignalLimits.MaxUrlLength + 100).IsRequired();
        e.Property(a => a.Items).HasMaxLength(1_000).IsRequired();
        e.Property(a => a.ConsentMethod).HasMaxLength(500);
        e.HasIndex(a => a.ExportedAt);
        e.HasIndex(a => a.Recipient);
    }
}
