using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Retention;

/// <summary>
/// The record of one retention run (廃棄記録): when, who ran it, whose approval it rests on, under which policy
/// version, and per rule what was disposed of, how and how many — and how many were spared by a legal hold.
/// Ids and counts only: what was erased is gone, and the record must not bring it back.
/// </summary>
public sealed class DisposalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset RunAt { get; set; }
    /// <summary>Who ran it: <c>system</c> for the daily job, a staff member, key or command-line user.</summary>
    public string RunBy { get; set; } = "";
    /// <summary>Whose approval the disposal rests on: <c>policy:{version}</c> for the daily job (the rules were approved
    /// when the policy was published), else the staff member or user who started the run.</summary>
    public string ApprovedBy { get; set; } = "";
    public string PolicyVersion { get; set; } = "";
    public List<DisposalLine> Lines { get; set; } = [];

    public int Total => Lines.Sum(l => l.Count);
}

/// <summary>What one rule disposed of in a run.</summary>
public sealed class DisposalLine
{
    public Guid DisposalId { get; set; }
    public string RuleId { get; set; } = "";
    /// <summary>persons, items, signals or provision_records.</summary>
    public string Target { get; set; } = "";
    /// <summary>crypto_shred, delete or anonymise.</summary>
    public string Method { get; set; } = "";
    public int Count { get; set; }
    /// <summary>How many expired but were kept because a legal hold covers them.</summary>
    public int Held { get; set; }
    /// <summary>Where more detail is recorded, e.g. <c>provision_purge:{id}</c>.</summary>
    public string? Reference { get; set; }
}

public static class DisposalTargets
{
    public const string Persons = "persons";
    public const string Items = "items";
    public const string Signals = "signals";
    public const string ProvisionRecords = "provision_records";
}

public static class DisposalMethods
{
    public const string CryptoShred = "crypto_shred";
    public const string Delete = "delete";
    public const string Anonymise = "anonymise";
}

internal sealed class DisposalRecordConfiguration : IEntityTypeConfiguration<DisposalRecord>
{
    public void Configure(EntityTypeBuilder<DisposalRecord> e)
    {
        e.ToTable("disposal_records");
        e.Property(d => d.RunBy).HasMaxLength(200).IsRequired();
        e.Property(d => d.ApprovedBy).HasMaxLength(200).IsRequired();
        e.Property(d => d.PolicyVersion).HasMaxLength(64).IsRequired();
        e.Ignore(d => d.Total);
        e.HasIndex(d => d.RunAt);
        e.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DisposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DisposalLineConfiguration : IEntityTypeConfiguration<DisposalLine>
{
    public void Configure(EntityTypeBuilder<DisposalLine> e)
    {
        e.ToTable("disposal_lines");
        e.HasKey(l => new { l.DisposalId, l.RuleId });
        e.Property(l => l.RuleId).HasMaxLength(100);
        e.Property(l => l.Target).HasMaxLength(32).IsRequired();
        e.Property(l => l.Method).HasMaxLength(32).IsRequired();
        e.Property(l => l.Reference).HasMaxLength(200);
    }
}
