namespace Mamori.Vault.Crypto;

/// <summary>
/// The master key ring kept as a file in the data directory (the default for one office or a demo).
/// The file is owner-only (0600): it is created that way, and a file others could read is refused rather than used,
/// since anyone who can read it can read every person's data.
/// </summary>
public static class MasterKeyFile
{
    public const string FileName = "master-keys.json";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>The ring from the data directory's key file, creating the file with a new ring on first use.</summary>
    public static MasterKeyRing LoadOrCreate(string dataDirectory, TimeProvider clock)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            var ring = MasterKeyRing.CreateNew(clock);
            if (TryCreate(path, ring))
                return ring;
            // Another process created it first: fall through and use theirs.
        }
        return Load(path);
    }

    public static MasterKeyRing Load(string path)
    {
        RefuseIfShared(path);
        return KeyRingFormat.Read(File.ReadAllBytes(path), CryptoErrors.FileInvalid, $"The key file {path}");
    }

    /// <summary>Replaces the key file atomically (write a 0600 temp file, flush, rename), so a crash mid-write
    /// never leaves a half-written ring — losing the ring would lose every person's data.</summary>
    public static void Save(string path, MasterKeyRing ring)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            WriteNew(temp, ring);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // no-op after a successful move
        }
    }

    private static bool TryCreate(string path, MasterKeyRing ring)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(directory);
            else
                Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
        }
        try
        {
            WriteNew(path, ring);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Creates the file with mode 0600 from the first byte (no window in which it is world-readable).</summary>
    private static void WriteNew(string path, MasterKeyRing ring)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using var stream = new FileStream(path, options);
        stream.Write(KeyRingFormat.Write(ring));
        stream.Flush(flushToDisk: true);
    }

    private static void RefuseIfShared(string path)
    {
        if (OperatingSystem.IsWindows())
            return; // ACLs, not mode bits; protect the data directory instead.
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
        {
            throw new MamoriException(CryptoErrors.FilePermissions,
                $"The key file {path} has mode {Convert.ToString((int)mode, 8)}; it must be readable by its owner only. " +
                $"Run: chmod 600 {path}");
        }
    }
}
