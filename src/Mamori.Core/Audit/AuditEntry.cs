using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Audit;

/// <summary>
/// One entry of the append-only audit trail: who did what, when, for which purpose, to whom, with what outcome.
/// <para>
/// It holds identifiers and codes only — NEVER the personal values themselves (no names, addresses, item
/// values, search terms, nor a user name typed at a failed sign-in). Every text field is a code
/// (<see cref="AuditEvent"/> refuses anything else), so an entry can be shown to an auditor who may not read
/// personal data.
/// </para>
/// Entries are hash-chained: <see cref="Hash"/> is SHA-256 over <see cref="PreviousHash"/> and the canonical
/// form of the entry (<see cref="AuditHash"/>), so changing, removing or reordering a row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 200;
    public const int MaxCodeLength = 100;
    public const int MaxListLength = 2000;
    public const int HashLength = 64;

    /// <summary>1, 2, 3, … without gaps; also the key.</summary>
    public long Sequence { get; set; }

    /// <summary>From <see cref="TimeProvider"/>, UTC, truncated to whole milliseconds (see <see cref="AuditHash"/>).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Who acted: <c>staff:{id}</c>, <c>key:{id}</c>, <c>cli:{os user}</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was done, e.g. <c>staff.sign_in</c> (<see cref="AuditActions"/>).</summary>
    public string Action { get; set; } = "";

    /// <summary>How it ended, e.g. <c>success</c>, <c>denied</c> (<see cref="AuditOutcomes"/>).</summary>
    public string Outcome { get; set; } = "";

    /// <summary>The policy purpose id the use was made for, if any.</summary>
    public string? Purpose { get; set; }

    public Guid? PersonId { get; set; }

    public string? DeviceId { get; set; }

    /// <summary>What was acted on when it is not a person or device: <c>key:{id}</c>, <c>policy:{version}</c>, …</summary>
    public string? Target { get; set; }

    /// <summary>The data categories involved: distinct, sorted, comma-separated ("" for none).</summary>
    public string Categories { get; set; } = "";

    /// <summary>Reason codes (a decision's, or why something failed): distinct, in the order given, comma-separated.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>The <see cref="Hash"/> of the entry before (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of <see cref="PreviousHash"/> and this entry's canonical form.</summary>
    public string Hash { get; set; } = "";

    public IReadOnlyList<string> CategoryList => Split(Categories);

    public IReadOnlyList<string> ReasonList => Split(Reasons);

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split(',');
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Sequence);
        e.Property(a => a.Sequence).ValueGeneratedNever();
        e.Property(a => a.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        e.Property(a => a.Action).HasMaxLength(AuditEntry.MaxCodeLength).IsRequired();
        e.Property(a => a.Outcome).HasMaxLength(AuditEntry.MaxCodeLength).IsRequired();
        e.Property(a => a.Purpose).HasMaxLength(AuditEntry.MaxCodeLength);
        e.Property(a => a.DeviceId).HasMaxLength(AuditEntry.MaxActorLength);
        e.Property(a => a.Target).HasMaxLength(AuditEntry.MaxActorLength);
        e.Property(a => a.Categories).HasMaxLength(AuditEntry.MaxListLength).IsRequired();
        e.Property(a => a.Reasons).HasMaxLength(AuditEntry.MaxListLength).IsRequired();
        e.Property(a => a.PreviousHash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        e.Property(a => a.Hash).HasMaxLength(AuditEntry.HashLength).IsRequired();
        // The console filters by these; everything else narrows within them.
        e.HasIndex(a => a.OccurredAt);
        e.HasIndex(a => a.PersonId);
        e.HasIndex(a => a.Actor);
    }
}
