using System.Security.Cryptography;
using Mamori.Consent;

namespace Mamori.Host.Web;

/// <summary>
/// The two first-party cookies of the consent banner, read and written as consent.js does, so the settings page
/// (which works without JavaScript) and the banner agree: <c>mamori_device_id</c>, a random device ID, and
/// <c>mamori_consent</c>, the choice and the policy version it was made under. Both are necessary cookies
/// (the policy's mamori_device_id entry), kept 13 months from the last visit.
/// </summary>
public static class DeviceCookies
{
    public const string DeviceId = "mamori_device_id";
    public const string Choices = "mamori_consent";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(395);

    /// <summary>The device ID the browser carries, if it carries a valid one.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies[DeviceId] is { } id && ConsentSubject.IsDeviceId(id) ? id : null;

    /// <summary>The browser's device ID, issuing a new random one (128 bits, base64url) if it has none.</summary>
    public static string Ensure(HttpContext http)
    {
        var id = Read(http.Request) ?? Base64Url(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(DeviceId, id, Options(http.Request));
        return id;
    }

    /// <summary>Remembers the choices in force as consent.js stores them: <c>v=VERSION&amp;analytics=1&amp;targeting=0[&amp;gpc=1]</c>.</summary>
    public static void Remember(HttpContext http, string version, ConsentState state, bool gpc)
    {
        var values = new List<string> { "v=" + Uri.EscapeDataString(version) };
        values.AddRange(state.Choices.Where(c => c.Category.IsCookie && c.Category.Requirement != ConsentRequirement.None)
            .Select(c => $"{c.Category.Id}={(c.Given ? 1 : 0)}"));
        if (gpc)
            values.Add("gpc=1");
        http.Response.Cookies.Append(Choices, string.Join('&', values), Options(http.Request));
    }

    // Readable by consent.js (not HttpOnly), sent on top-level navigation from other sites (Lax), Secure on HTTPS.
    private static CookieOptions Options(HttpRequest request) => new()
    {
        Path = "/",
        MaxAge = Lifetime,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        HttpOnly = false,
        IsEssential = true,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
