using System.Text.RegularExpressions;

namespace Mamori.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: fetch the page, take its antiforgery token, post.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, page);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a file-upload form (multipart/form-data) with its fields and one file.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string page, Dictionary<string, string> fields,
        string fileField, string fileName, string contentType, byte[] content, string? action = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await TokenAsync(client, page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return await client.PostAsync(action ?? page, form);
    }

    /// <summary>The antiforgery token of the first form on a page, as a browser would send it back.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        if (!token.Success)
            throw new InvalidOperationException($"{page} has no antiforgery token.");
        return System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
