using System.Text;
using System.Text.Json;

namespace Mamori.Vault.Crypto;

/// <summary>
/// The list of shredded keys, appended to a file in the data directory (one JSON object per line) beside the
/// <c>shredded_keys</c> table. It lives outside the database on purpose: restoring an old database backup brings
/// back wrapped keys of persons erased since, and this file is how <see cref="KeyVault.ReapplyShreddingAsync"/>
/// destroys them again. Back it up with the key file, not with the database.
/// </summary>
public sealed class ShreddedKeyLog(string path)
{
    public const string FileName = "shredded-keys.log";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    // Appends are rare; one lock per process keeps lines whole. Each line goes out in a single write, which
    // O_APPEND keeps whole against other processes too.
    private static readonly Lock AppendGate = new();

    private sealed record Line(Guid PersonId, DateTimeOffset ShreddedAt, string Reason, string Actor);

    public string Path { get; } = path;

    public static ShreddedKeyLog InDataDirectory(string dataDirectory) => new(System.IO.Path.Combine(dataDirectory, FileName));

    /// <summary>Appends the entry and flushes it to disk before returning.</summary>
    public void Append(ShreddedKey entry)
    {
        var line = JsonSerializer.Serialize(new Line(entry.PersonId, entry.ShreddedAt, entry.Reason, entry.Actor), Json) + "\n";
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        lock (AppendGate)
        {
            using var stream = new FileStream(Path, options);
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every entry, in the order written; none when the file does not exist yet. A torn last line (a crash
    /// mid-append, before the database was touched) is ignored; damage anywhere else is an error.</summary>
    public IReadOnlyList<ShreddedKey> ReadAll()
    {
        if (!File.Exists(Path))
            return [];
        string text;
        using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            text = reader.ReadToEnd();

        var lines = text.Split('\n');
        var entries = new List<ShreddedKey>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var isLast = i == lines.Length - 1;
            if (Parse(lines[i]) is { } entry)
                entries.Add(entry);
            else if (!isLast)
                throw new MamoriException(CryptoErrors.ShredLogInvalid, $"Line {i + 1} of {Path} is damaged.");
        }
        return entries;
    }

    private static ShreddedKey? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<Line>(text, Json) is { } line
                ? new ShreddedKey { PersonId = line.PersonId, ShreddedAt = line.ShreddedAt, Reason = line.Reason, Actor = line.Actor }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
