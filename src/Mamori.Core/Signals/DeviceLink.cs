using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Signals;

/// <summary>
/// A device linked to a person (照合, §3(1)): while the link stands, the device's signals are that person's personal
/// data. Unlinking keeps the row (with when and by whom), so the record of what was linked, why and for how long stays.
/// </summary>
public sealed class DeviceLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string DeviceId { get; set; } = "";
    public Guid PersonId { get; set; }
    /// <summary>One of the policy's informativeData.linkingPurposes, e.g. <c>inquiry_response</c>.</summary>
    public string Purpose { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
    public DateTimeOffset? UnlinkedAt { get; set; }
    public string? UnlinkedBy { get; set; }

    public bool IsActive => UnlinkedAt is null;
}

internal sealed class DeviceLinkConfiguration : IEntityTypeConfiguration<DeviceLink>
{
    public void Configure(EntityTypeBuilder<DeviceLink> e)
    {
        e.ToTable("device_links");
        e.Property(l => l.DeviceId).HasMaxLength(Consent.ConsentSubject.MaxDeviceIdLength).IsRequired();
        e.Property(l => l.Purpose).HasMaxLength(64).IsRequired();
        e.Property(l => l.LinkedBy).HasMaxLength(200).IsRequired();
        e.Property(l => l.UnlinkedBy).HasMaxLength(200);
        e.Ignore(l => l.IsActive);
        // A device belongs to at most one person at a time.
        e.HasIndex(l => l.DeviceId).IsUnique().HasFilter("\"UnlinkedAt\" IS NULL");
        e.HasIndex(l => l.PersonId);
    }
}
