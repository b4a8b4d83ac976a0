using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Signals;

/// <summary>
/// One stored event, as the consent gate left it: informative data (個人関連情報) while its device is not linked to
/// a person, that person's personal data once it is. An unlinked device's events are stored plain: they identify no
/// one by themselves, and what could be sensitive is reduced at the door (IP truncated when configured; location and
/// ad IDs kept only when allowed). A linked device's events are sealed under the person's key (<see cref="SignalSeal"/>).
/// <para>
/// Built to be appended fast: the key is a number in arrival order given by <see cref="SignalWriter"/>, and the
/// table has no other index. Reads by device go through <see cref="DeviceSignalRange"/>, reads by time through the
/// batches' arrival times (ids grow with arrival), so an insert touches only the table's last page.
/// </para>
/// </summary>
public sealed class Signal
{
    /// <summary>1, 2, 3, … in the order rows were stored.</summary>
    public long Id { get; set; }
    /// <summary>When the row was stored (grows with <see cref="Id"/>): what retention and monthly partitions go by.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The random first-party device ID; null for a server-log line that came with none.</summary>
    public string? DeviceId { get; set; }
    public string Type { get; set; } = "";
    /// <summary>When it happened, by the device's (or server's) clock, UTC.</summary>
    public DateTimeOffset At { get; set; }
    public string? Url { get; set; }
    public string? Referrer { get; set; }
    public string? UserAgent { get; set; }
    public string? Os { get; set; }
    public string? Connection { get; set; }
    /// <summary>Truncated to its network (/24, /48) unless Mamori is configured to keep whole addresses.</summary>
    public string? Ip { get; set; }
    /// <summary>Kept only with the device's location consent (§3(4)).</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? LocationAccuracy { get; set; }
    public int Count { get; set; } = 1;
    /// <summary>Kept only when ad optimisation is allowed and the app did not limit ad tracking (§3(3)).</summary>
    public string? AdId { get; set; }
    /// <summary>For a server log: the request line, status and size (the rest of the line is in the other columns).</summary>
    public string? LogLine { get; set; }
    /// <summary>For a linked device: the descriptive fields above, encrypted under the person's data key; they are null then.</summary>
    public byte[]? Sealed { get; set; }
}

/// <summary>
/// A batch a site posted (or a chunk of an imported log), kept so that a retry of the same batch ID is answered
/// with the first result instead of storing its events twice.
/// </summary>
public sealed class SignalBatch
{
    public long Id { get; set; }
    /// <summary>The site the batch came from: the posting key's name, or the name given to <c>signals import</c>. Batch IDs are unique per site.</summary>
    public string Site { get; set; } = "";
    public string BatchId { get; set; } = "";
    /// <summary>Who posted it (<c>key:{id}</c>, <c>cli:{user}</c>).</summary>
    public string PostedBy { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The ids its stored events got, in order; null when the gate kept none.</summary>
    public long? FirstSignalId { get; set; }
    public long? LastSignalId { get; set; }
    /// <summary>The answer given the first time (accepted, dropped, stripped, truncated) as JSON.</summary>
    public string Result { get; set; } = "";
}

/// <summary>
/// Where a device's events lie: one row per device per group commit, with the first and last id it got there.
/// Far fewer rows than events (a visit is a burst of events), so it is the only per-device index the ingestion
/// path pays for; a device's events are the rows of <see cref="Signal"/> inside its ranges.
/// </summary>
public sealed class DeviceSignalRange
{
    public long Id { get; set; }
    public string DeviceId { get; set; } = "";
    public long FirstSignalId { get; set; }
    public long LastSignalId { get; set; }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> e)
    {
        e.ToTable("signals");
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.DeviceId).HasMaxLength(Consent.ConsentSubject.MaxDeviceIdLength);
        e.Property(s => s.Type).HasMaxLength(32).IsRequired();
        e.Property(s => s.Url).HasMaxLength(SignalLimits.MaxUrlLength);
        e.Property(s => s.Referrer).HasMaxLength(SignalLimits.MaxUrlLength);
        e.Property(s => s.UserAgent).HasMaxLength(SignalLimits.MaxUserAgentLength);
        e.Property(s => s.Os).HasMaxLength(SignalLimits.MaxOsLength);
        e.Property(s => s.Connection).HasMaxLength(SignalLimits.MaxConnectionLength);
        e.Property(s => s.Ip).HasMaxLength(SignalLimits.MaxIpLength);
        e.Property(s => s.AdId).HasMaxLength(SignalLimits.MaxAdIdLength);
        e.Property(s => s.LogLine).HasMaxLength(SignalLimits.MaxLogLineLength);
        // No secondary index on purpose: see the class comment and docs/signals.md.
    }
}

internal sealed class SignalBatchConfiguration : IEntityTypeConfiguration<SignalBatch>
{
    public void Configure(EntityTypeBuilder<SignalBatch> e)
    {
        e.ToTable("signal_batches");
        e.Property(b => b.Site).HasMaxLength(SignalLimits.MaxSiteLength).IsRequired();
        e.Property(b => b.BatchId).HasMaxLength(SignalLimits.MaxBatchIdLength).IsRequired();
        e.Property(b => b.PostedBy).HasMaxLength(200).IsRequired();
        e.Property(b => b.Result).HasMaxLength(2_000).IsRequired();
        e.HasIndex(b => new { b.Site, b.BatchId }).IsUnique();
        e.HasIndex(b => b.ReceivedAt);
    }
}

internal sealed class DeviceSignalRangeConfiguration : IEntityTypeConfiguration<DeviceSignalRange>
{
    public void Configure(EntityTypeBuilder<DeviceSignalRange> e)
    {
        e.ToTable("signal_device_ranges");
        e.Property(r => r.DeviceId).HasMaxLength(Consent.ConsentSubject.MaxDeviceIdLength).IsRequired();
        e.HasIndex(r => new { r.DeviceId, r.FirstSignalId });
    }
}
