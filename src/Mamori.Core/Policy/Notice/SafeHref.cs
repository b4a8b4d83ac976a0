namespace Mamori.Policy.Notice;

/// <summary>Which link targets from the policy may become links: site paths, fragments, and web, mail or phone addresses.</summary>
internal static class SafeHref
{
    private static readonly string[] AllowedSchemes = ["https", "http", "mailto", "tel"];

    public static bool IsSafe(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.Any(char.IsControl))
        {
            return false;
        }

        // A path on this site or a place on this page; "//host" would leave the site, so it is not a path.
        if ((href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) || href.StartsWith('#') || href.StartsWith('?'))
        {
            return true;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    public static bool IsExternal(string href) =>
        href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
