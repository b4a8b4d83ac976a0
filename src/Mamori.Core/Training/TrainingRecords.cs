using Mamori.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Training;

/// <summary>A training session on personal-data handling (§11(4) 周知・教育・訓練) and the staff who attended.</summary>
public sealed class TrainingSession
{
    public const int MaxTitle = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>What it covered, e.g. 2026年度 個人情報保護研修 (not a person's name).</summary>
    [PersonalData] public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public List<TrainingAttendance> Attendees { get; set; } = [];
}

/// <summary>A staff account that attended a session.</summary>
public sealed class TrainingAttendance
{
    public Guid SessionId { get; set; }
    public Guid StaffId { get; set; }
}

/// <summary>A staff member's confidentiality pledge (秘密保持の誓約書), signed on a day and valid until another.</summary>
public sealed class ConfidentialityPledge
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid StaffId { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> e)
    {
        e.ToTable("training_sessions");
        e.Property(s => s.Title).HasMaxLength(TrainingSession.MaxTitle).IsRequired();
        e.Property(s => s.RecordedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(s => s.HeldOn);
        e.HasMany(s => s.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> e)
    {
        e.ToTable("training_attendance");
        e.HasKey(a => new { a.SessionId, a.StaffId });
        e.HasIndex(a => a.StaffId);
    }
}

internal sealed class ConfidentialityPledgeConfiguration : IEntityTypeConfiguration<ConfidentialityPledge>
{
    public void Configure(EntityTypeBuilder<ConfidentialityPledge> e)
    {
        e.ToTable("confidentiality_pledges");
        e.Property(p => p.RecordedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(p => p.StaffId);
    }
}
