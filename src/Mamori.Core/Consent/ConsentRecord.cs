using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Consent;

/// <summary>
/// One choice about one category by one device or person, exactly as it was made. The ledger only ever adds
/// rows: a change of mind is a new row, and the subject's current choice in a category is its latest row.
/// Holds no personal value: the subject is a random device ID or a vault id.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }
    public ConsentSubjectKind SubjectKind { get; set; }
    /// <summary>The device ID, or the person's id (a GUID).</summary>
    public string SubjectId { get; set; } = "";
    /// <summary>A category of the <see cref="ConsentCatalog"/>: necessary, analytics, targeting, location…</summary>
    public string Category { get; set; } = "";
    public bool Given { get; set; }
    /// <summary>One of <see cref="ConsentMethods"/>.</summary>
    public string Method { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The policy version in force when the choice was made.</summary>
    public string PolicyVersion { get; set; } = "";
    /// <summary>SHA-256 (hex) of the notice shown: the policy text's content hash, so it can be shown again.</summary>
    public string NoticeHash { get; set; } = "";
    /// <summary>The receipt (Kantara consentReceiptID) of the transaction this row belongs to.</summary>
    public Guid ReceiptId { get; set; }
    /// <summary>For a written consent, the signed form's reference (e.g. the scanned file's id); never its content.</summary>
    public string? Reference { get; set; }
    /// <summary>Set on rows copied when a device was linked to a person: the subject the choice was made by.</summary>
    public string? LinkedFrom { get; set; }
    /// <summary>Who recorded it: <c>anonymous</c> for the banner, else an API key or staff id.</summary>
    public string RecordedBy { get; set; } = "";
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> e)
    {
        e.ToTable("consent_records");
        e.Property(r => r.SubjectKind).HasConversion(
            kind => kind == ConsentSubjectKind.Device ? "device" : "person",
            text => text == "device" ? ConsentSubjectKind.Device : ConsentSubjectKind.Person).HasMaxLength(8);
        e.Property(r => r.SubjectId).HasMaxLength(ConsentSubject.MaxDeviceIdLength).IsRequired();
        e.Property(r => r.Category).HasMaxLength(64).IsRequired();
        e.Property(r => r.Method).HasMaxLength(32).IsRequired();
        e.Property(r => r.PolicyVersion).HasMaxLength(64).IsRequired();
        e.Property(r => r.NoticeHash).HasMaxLength(64).IsRequired();
        e.Property(r => r.Reference).HasMaxLength(200);
        e.Property(r => r.LinkedFrom).HasMaxLength(80);
        e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(r => new { r.SubjectKind, r.SubjectId, r.Category, r.Id });
        e.HasIndex(r => r.ReceiptId);
    }
}
