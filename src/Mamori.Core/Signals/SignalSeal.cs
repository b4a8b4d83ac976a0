using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mamori.Data;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>
/// Once a device is linked to a person its signals are that person's personal data, so they are encrypted like the
/// vault's items: the fields that describe what the person did (URL, referrer, user agent, OS, connection, IP,
/// location, ad ID, log line) move into <see cref="Signal.Sealed"/>, AES-GCM under the person's data key, and the
/// plain columns are emptied. What stays plain (device ID, type, times, count) is what ranges, retention and counts
/// need. Erasing the person shreds the key, so even a backup taken before the erasure no longer opens them.
/// </summary>
public static class SignalSeal
{
    private const string Category = "signal";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record Payload(string? Url, string? Referrer, string? UserAgent, string? Os, string? Connection, string? Ip,
        double? Lat, double? Lon, double? Accuracy, string? AdId, string? LogLine);

    public static void Seal(Signal row, DataKey key)
    {
        if (row.Sealed is not null || row.DeviceId is null)
            return;
        var payload = new Payload(row.Url, row.Referrer, row.UserAgent, row.Os, row.Connection, row.Ip,
            row.Latitude, row.Longitude, row.LocationAccuracy, row.AdId, row.LogLine);
        row.Sealed = ItemCipher.Encrypt(key, Category, DeviceGuid(row.DeviceId), JsonSerializer.SerializeToUtf8Bytes(payload, Json));
        (row.Url, row.Referrer, row.UserAgent, row.Os, row.Connection, row.Ip) = (null, null, null, null, null, null);
        (row.Latitude, row.Longitude, row.LocationAccuracy, row.AdId, row.LogLine) = (null, null, null, null, null);
    }

    /// <summary>
    /// Puts a sealed row's fields back in place (on a row the caller does not save). False when the row was sealed
    /// under another key: the device was linked to someone else then, and those events are that person's, not this one's.
    /// </summary>
    public static bool TryOpen(Signal row, DataKey key)
    {
        if (row.Sealed is null || row.DeviceId is null)
            return true;
        byte[] plaintext;
        try
        {
            plaintext = ItemCipher.Decrypt(key, Category, DeviceGuid(row.DeviceId), row.Sealed);
        }
        catch (MamoriException e) when (e.Code == CryptoErrors.Tampered)
        {
            return false;
        }
        var p = JsonSerializer.Deserialize<Payload>(plaintext, Json)!;
        (row.Url, row.Referrer, row.UserAgent, row.Os, row.Connection, row.Ip) = (p.Url, p.Referrer, p.UserAgent, p.Os, p.Connection, p.Ip);
        (row.Latitude, row.Longitude, row.LocationAccuracy, row.AdId, row.LogLine) = (p.Lat, p.Lon, p.Accuracy, p.AdId, p.LogLine);
        row.Sealed = null;
        return true;
    }

    /// <summary>Binds each envelope to its device (associated data), so a sealed value moved onto another device's row fails.</summary>
    private static Guid DeviceGuid(string deviceId) => new(SHA256.HashData(Encoding.UTF8.GetBytes(deviceId)).AsSpan(0, 16));

    /// <summary>Seals the rows of the batch whose device is linked: one query for the links, one key per person.</summary>
    public static async Task SealLinkedAsync(MamoriDb db, KeyVault keys, IReadOnlyList<Signal> rows, IReadOnlyCollection<string> devices, CancellationToken ct)
    {
        if (devices.Count == 0)
            return;
        var links = await db.Set<DeviceLink>().AsNoTracking().Where(l => devices.Contains(l.DeviceId) && l.UnlinkedAt == null)
            .Select(l => new { l.DeviceId, l.PersonId }).ToDictionaryAsync(l => l.DeviceId, l => l.PersonId, StringComparer.Ordinal, ct);
        if (links.Count == 0)
            return;
        var personKeys = new Dictionary<Guid, DataKey>();
        try
        {
            foreach (var row in rows)
            {
                if (row.DeviceId is null || !links.TryGetValue(row.DeviceId, out var personId))
                    continue;
                if (!personKeys.TryGetValue(personId, out var key))
                    personKeys[personId] = key = await keys.GetDataKeyAsync(personId, ct);
                Seal(row, key);
            }
        }
        finally
        {
            foreach (var key in personKeys.Values)
                key.Dispose();
        }
    }
}
