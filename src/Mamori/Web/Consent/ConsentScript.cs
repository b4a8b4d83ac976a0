using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Mamori.Consent;
using Mamori.Host.Api;
using Mamori.Policy;
using Microsoft.Net.Http.Headers;

namespace Mamori.Host.Web;

/// <summary>
/// <c>/consent.js</c> and the banner's texts. The script is the template in Web/Consent/consent.js with the policy's
/// cookie categories and the versions whose choices still stand filled in; the texts (from the policy, in Japanese or
/// English) load only when the banner or the settings dialog is shown. Both are rendered once, kept gzipped, and
/// served with an ETag.
/// </summary>
public sealed class ConsentScript(CurrentPolicy policy, IServiceScopeFactory scopes)
{
    public const string TemplateResource = "Mamori.Host.Web.Consent.consent.js";
    private const string ConfigToken = "__MAMORI_CONFIG__";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly ConcurrentDictionary<string, Asset> _texts = new(StringComparer.Ordinal);
    private Asset? _script;

    /// <summary>A rendered file: its bytes, the same gzipped, and a strong ETag.</summary>
    public sealed record Asset(byte[] Body, byte[] Gzipped, string ETag, string ContentType)
    {
        public static Asset Of(string text, string contentType)
        {
            var body = Encoding.UTF8.GetBytes(text);
            return new Asset(body, Gzip(body), $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..20]}\"", contentType);
        }
    }

    /// <summary>Rendered on first use: which stored versions' choices still stand is fixed for the life of the process.</summary>
    public async Task<Asset> ScriptAsync(CancellationToken ct) =>
        _script ??= Asset.Of(await RenderScriptAsync(ct), "text/javascript; charset=utf-8");

    public Asset Texts(string lang) =>
        _texts.GetOrAdd(lang, l => Asset.Of(JsonSerializer.Serialize(ConsentTexts.For(policy, l), Json), "application/json; charset=utf-8"));

    private async Task<string> RenderScriptAsync(CancellationToken ct)
    {
        IReadOnlyList<string> valid;
        await using (var scope = scopes.CreateAsyncScope())
            valid = await scope.ServiceProvider.GetRequiredService<ConsentLedger>().VersionsStillValidAsync(ct);
        var config = new ScriptConfig(
            policy.Version,
            valid,
            [.. policy.Document.Cookies.Categories.Select(c => new ScriptCategory(c.Id, PolicyApi.Snake(c.Mode)))],
            "/api/v1/consents",
            "/consent/",
            "/consent/consent.css",
            new LocalizedText { Ja = Ui.T("ja", "nav.cookies"), En = Ui.T("en", "nav.cookies") });
        return Template.Value.Replace(ConfigToken, JsonSerializer.Serialize(config, Json), StringComparison.Ordinal);
    }

    private sealed record ScriptConfig(string Version, IReadOnlyList<string> Valid, IReadOnlyList<ScriptCategory> Categories,
        string Endpoint, string Texts, string Css, LocalizedText SettingsLabel);

    private sealed record ScriptCategory(string Id, string Mode);

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(ConsentScript).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"Missing embedded resource {TemplateResource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
            gzip.Write(body);
        return output.ToArray();
    }

    /// <summary>304 when the client holds this version; gzip when it accepts it; cacheable for five minutes, then revalidated.</summary>
    public static IResult Serve(HttpContext http, Asset asset)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "public, max-age=300";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Tag == asset.ETag || tag.Equals(EntityTagHeaderValue.Any)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (http.Request.Headers.AcceptEncoding.Any(e => e is not null && e.Contains("gzip", StringComparison.OrdinalIgnoreCase)))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(asset.Gzipped, asset.ContentType);
        }
        return TypedResults.Bytes(asset.Body, asset.ContentType);
    }
}

/// <summary>The banner's texts in one language: the interface's words, links, and the policy's categories and tags.</summary>
public sealed record ConsentTexts(string Lang, IReadOnlyDictionary<string, string> Ui, IReadOnlyDictionary<string, string> Links,
    BannerHeadings Headings, IReadOnlyList<BannerCategory> Categories)
{
    private static readonly string[] UiWords =
        ["banner_title", "banner_intro", "accept_all", "reject_all", "preferences", "dialog_title", "dialog_intro", "save", "close", "tags", "gpc", "privacy_link", "cookies_link"];

    public static ConsentTexts For(CurrentPolicy policy, string lang)
    {
        var content = BannerContent.For(policy.Document, lang);
        var query = content.Lang == "en" ? "?lang=en" : "";
        return new ConsentTexts(content.Lang,
            UiWords.ToDictionary(word => word, word => Web.Ui.T(content.Lang, "consent." + word), StringComparer.Ordinal),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["privacy"] = "/privacy" + query, ["cookies"] = "/privacy/cookies" + query },
            content.Headings, content.Categories);
    }
}
