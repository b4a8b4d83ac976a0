using System.Text.Json;

namespace Mamori.Vault.Crypto;

/// <summary>
/// The one serialised form of a <see cref="MasterKeyRing"/>: small JSON, used as the key file's content and,
/// base64-encoded, as the configuration value. One format means a key file can be moved into configuration as is.
/// </summary>
internal static class KeyRingFormat
{
    private const string FormatTag = "mamori-master-keys/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private sealed record RingDto(string Format, string Current, KeyDto[] WrappingKeys, byte[] BlindIndexKey);

    private sealed record KeyDto(string Id, DateTimeOffset Created, byte[] Key);

    public static byte[] Write(MasterKeyRing ring) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new RingDto(
                FormatTag,
                ring.Current.Id,
                [.. ring.Keys.Select(k => new KeyDto(k.Id, k.CreatedAt, k.Material.ToArray()))],
                ring.BlindIndexRoot.ToArray()),
            Json);

    /// <param name="errorCode">The code to fail with: the file's or the configuration's.</param>
    /// <param name="source">Names the source in messages, e.g. the file path.</param>
    public static MasterKeyRing Read(ReadOnlySpan<byte> json, string errorCode, string source)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<RingDto>(json, Json)
                ?? throw new MamoriException(errorCode, $"{source} is empty.");
            if (dto.Format != FormatTag)
                throw new MamoriException(errorCode, $"{source} has format '{dto.Format}', expected '{FormatTag}'.");
            return new MasterKeyRing(
                dto.WrappingKeys.Select(k => new MasterKey(k.Id, k.Created, k.Key)), dto.Current, dto.BlindIndexKey);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // The inner message names the missing field or bad length; it never contains key material.
            throw new MamoriException(errorCode, $"{source} is not a valid master key ring: {e.Message}");
        }
    }
}
