using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace Mamori.Storage.Backup;

/// <summary>What a backup archive holds, written first in it as <c>manifest.json</c>.</summary>
/// <param name="Tables">Row count per table, counted in the same snapshot the database copy was taken from.</param>
/// <param name="AuditHeadHash">The audit trail's newest hash in that snapshot: after a restore, <c>audit verify</c> must print it.</param>
/// <param name="Parts">Every other file in the archive with its SHA-256 (hex), checked before anything is restored.</param>
public sealed record BackupManifest(
    string Format,
    DatabaseProvider Provider,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, long> Tables,
    long AuditEntries,
    string? AuditHeadHash,
    IReadOnlyDictionary<string, string> Parts)
{
    public const string CurrentFormat = "mamori-backup/1";
}

/// <summary>
/// A backup is one tar file: <c>manifest.json</c>, the database copy (<c>mamori.db</c> or <c>database.pgdump</c>) and
/// the key files of the data directory. Tar, because any machine can list and unpack it without Mamori.
/// </summary>
public static class BackupArchive
{
    public const string ManifestName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Writes the archive (owner-only: it may hold the master key ring) from files on disk, by name in the archive.</summary>
    public static async Task WriteAsync(string path, BackupManifest manifest, IReadOnlyDictionary<string, string> parts, CancellationToken ct)
    {
        var hashed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file) in parts)
            hashed[name] = await HashAsync(file, ct);
        manifest = manifest with { Parts = hashed };

        var temp = path + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temp, options))
        {
            await using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, ManifestName)
                {
                    DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Json)),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                };
                await tar.WriteEntryAsync(manifestEntry, ct);
                foreach (var (name, file) in parts)
                {
                    await using var content = File.OpenRead(file);
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = content, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
                    await tar.WriteEntryAsync(entry, ct);
                }
            }
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Unpacks the archive into an empty directory, checking every part against the manifest's hash.</summary>
    public static async Task<BackupManifest> ExtractAsync(string path, string directory, CancellationToken ct)
    {
        if (!File.Exists(path))
            throw new MamoriException(BackupCodes.ArchiveMissing, $"There is no backup archive at {path}.");
        try
        {
            await using (var stream = File.OpenRead(path))
            await using (var tar = new TarReader(stream))
            {
                while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
                {
                    // Only plain names Mamori writes: nothing may land outside the directory.
                    if (entry.EntryType != TarEntryType.RegularFile || entry.Name != Path.GetFileName(entry.Name) || entry.Name.StartsWith('.'))
                        throw new MamoriException(BackupCodes.ArchiveInvalid, $"The archive holds an unexpected entry '{entry.Name}'.");
                    await entry.ExtractToFileAsync(Path.Combine(directory, entry.Name), overwrite: false, ct);
                }
            }
            var manifestPath = Path.Combine(directory, ManifestName);
            if (!File.Exists(manifestPath))
                throw new MamoriException(BackupCodes.ArchiveInvalid, "The archive has no manifest.json: it is not a Mamori backup.");
            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllBytesAsync(manifestPath, ct), Json)
                ?? throw new MamoriException(BackupCodes.ArchiveInvalid, "The manifest is empty.");
            if (manifest.Format != BackupManifest.CurrentFormat)
                throw new MamoriException(BackupCodes.ArchiveInvalid, $"The archive's format is {manifest.Format}; this Mamori reads {BackupManifest.CurrentFormat}.");
            foreach (var (name, hash) in manifest.Parts)
            {
                var file = Path.Combine(directory, name);
                if (!File.Exists(file) || await HashAsync(file, ct) != hash)
                    throw new MamoriException(BackupCodes.ArchiveDamaged, $"The archive's part {name} is missing or damaged.");
            }
            return manifest;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or JsonException or FormatException)
        {
            throw new MamoriException(BackupCodes.ArchiveInvalid, $"{path} is not a readable Mamori backup archive.");
        }
    }

    private static async Task<string> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

public static class BackupCodes
{
    public const string ArchiveMissing = "backup.archive_missing";
    public const string ArchiveInvalid = "backup.archive_invalid";
    public const string ArchiveDamaged = "backup.archive_damaged";
    public const string TargetNotEmpty = "backup.target_not_empty";
    public const string ProviderMismatch = "backup.provider_mismatch";
    public const string ToolMissing = "backup.tool_missing";
    public const string ToolFailed = "backup.tool_failed";
    public const string SourceMissing = "backup.source_missing";
    public const string CountsDiffer = "backup.counts_differ";
}
