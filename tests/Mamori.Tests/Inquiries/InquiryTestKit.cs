using System.Net;
using System.Text.RegularExpressions;
using Mamori.Data;
using Mamori.Inquiries;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Inquiries;

/// <summary>Sends the public inquiry form as a browser would: load it (antiforgery token and timing stamp), wait as a
/// person does, post it.</summary>
internal static partial class InquiryTestKit
{
    public const string Page = "/privacy/inquiry";

    public static Dictionary<string, string> Fields(string message, string kind = InquiryKinds.Complaint) => new()
    {
        ["Kind"] = kind,
        ["Name"] = "山田 花子",
        ["Contact"] = "hanako@example.jp",
        ["Message"] = message,
        ["Website"] = "",
    };

    /// <summary>Loads the form, lets <paramref name="wait"/> pass on the host's clock, and posts the fields.</summary>
    public static async Task<HttpResponseMessage> SendAsync(MamoriHost host, HttpClient client, Dictionary<string, string> fields, TimeSpan? wait = null, string query = "")
    {
        var html = await client.GetStringAsync(Page + query);
        fields.TryAdd("__RequestVerificationToken", WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value));
        fields.TryAdd("FormStamp", WebUtility.HtmlDecode(StampPattern().Match(html).Groups[1].Value));
        host.Clock.Advance(wait ?? TimeSpan.FromSeconds(30));
        return await client.PostAsync(Page + query, new FormUrlEncodedContent(fields));
    }

    public static string? Reference(string html) =>
        ReferencePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? ErrorCode(string html) =>
        ErrorPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static Task<int> CountAsync(MamoriHost host) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Inquiry>().CountAsync());

    public static Task<Inquiry> FindAsync(MamoriHost host, string reference) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Inquiry>().AsNoTracking().SingleAsync(i => i.Reference == reference));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"FormStamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("<strong id=\"inquiry-reference\">(Q-[0-9]{8}-[0-9A-Z]{6})</strong>")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("id=\"page-error\" data-code=\"([a-z_.]+)\"")]
    private static partial Regex ErrorPattern();
}
