namespace Mamori.Host.Pages.Console.Persons;

/// <summary>
/// Which files the console accepts as items, told by their first bytes rather than by what the browser claims:
/// PDF, JPEG, PNG and common audio (a call recording). Anything else is refused, so a download is always one
/// of these types.
/// </summary>
public static class UploadedFiles
{
    public const string OctetStream = "application/octet-stream";

    /// <summary>The media types a download may be served as; any other stored type goes out as octet-stream.</summary>
    public static readonly IReadOnlySet<string> Servable = new HashSet<string>(StringComparer.Ordinal)
    {
        "application/pdf", "image/jpeg", "image/png", "audio/mpeg", "audio/mp4", "audio/wav", "audio/ogg",
    };

    /// <summary>The media type the content really is, or null when it is none of the accepted kinds.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (content.StartsWith("ID3"u8) || (content.Length > 1 && content[0] == 0xFF && (content[1] & 0xE0) == 0xE0))
            return "audio/mpeg";
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WAVE"u8))
            return "audio/wav";
        if (content.StartsWith("OggS"u8))
            return "audio/ogg";
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8) && (content[8..11].SequenceEqual("M4A"u8) || content[8..12].SequenceEqual("mp42"u8) || content[8..12].SequenceEqual("isom"u8)))
            return "audio/mp4";
        return null;
    }

    /// <summary>A download name that carries no personal value: the category, part of the item id, the extension.</summary>
    public static string DownloadName(string category, Guid itemId, string contentType) =>
        $"{category}-{itemId.ToString("N")[..8]}{contentType switch
        {
            "application/pdf" => ".pdf",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "audio/mpeg" => ".mp3",
            "audio/mp4" => ".m4a",
            "audio/wav" => ".wav",
            "audio/ogg" => ".ogg",
            _ => ".bin",
        }}";
}
