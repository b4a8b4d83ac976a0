using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mamori.Audit;

/// <summary>
/// The chain's hash: SHA-256 over the canonical form of an entry, which starts with the previous entry's hash.
/// <para>
/// Canonical form (version 1): the line <c>mamori.audit.v1</c>, then each field as a netstring-like
/// <c>{UTF-8 byte count}:{bytes}\n</c> (a missing value is <c>-\n</c>) in this fixed order: previous hash,
/// sequence, occurred-at, actor, action, outcome, purpose, person id, device id, target, categories, reasons.
/// Numbers are invariant decimal, the person id is lowercase <c>D</c> format, and the instant is UTC
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>. Length prefixes make the form unambiguous whatever a tampered field holds.
/// </para>
/// Instants are kept to whole milliseconds: SQLite stores them through EF's binary converter (0.1 ms) and
/// PostgreSQL as timestamptz (1 µs); milliseconds survive both exactly, so a stored entry hashes as it did.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    private static readonly byte[] Header = "mamori.audit.v1\n"u8.ToArray();

    public static DateTimeOffset Truncate(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string Compute(AuditEntry e)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Header);
        Field(sha, e.PreviousHash);
        Field(sha, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(sha, e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field(sha, e.Actor);
        Field(sha, e.Action);
        Field(sha, e.Outcome);
        Field(sha, e.Purpose);
        Field(sha, e.PersonId?.ToString("D"));
        Field(sha, e.DeviceId);
        Field(sha, e.Target);
        Field(sha, e.Categories);
        Field(sha, e.Reasons);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Field(IncrementalHash sha, string? value)
    {
        if (value is null)
        {
            sha.AppendData("-\n"u8);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        sha.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        sha.AppendData(bytes);
        sha.AppendData("\n"u8);
    }
}
