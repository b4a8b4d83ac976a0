namespace Mamori.Policy.Notice;

/// <summary>
/// The stylesheet for the notice and the tag pages (notice.css, embedded in this assembly), for the
/// host to serve as a static file: the pages carry classes only, since the CSP forbids inline styles.
/// </summary>
public static class NoticeStyles
{
    public const string ResourceName = "Mamori.Policy.Notice.notice.css";

    private static readonly Lazy<string> Stylesheet = new(Load);

    public static string Css => Stylesheet.Value;

    private static string Load()
    {
        using var stream = typeof(NoticeStyles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded stylesheet {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
