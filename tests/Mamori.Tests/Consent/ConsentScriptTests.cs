using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Consent;

public abstract class ConsentScriptTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consent_js_is_at_most_6_KB_gzipped_cacheable_and_carries_the_policy()
    {
        var client = host.CreateClient();
        var response = await client.GetAsync("/consent.js", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(body);
        Assert.True(gzipped.Length <= 6144, $"consent.js is {gzipped.Length} bytes gzipped; the budget is 6144");

        var script = Encoding.UTF8.GetString(body);
        Assert.Contains("\"version\":\"2024-07-01\"", script, StringComparison.Ordinal);
        Assert.Contains("{\"id\":\"analytics\",\"mode\":\"opt_out\"}", script, StringComparison.Ordinal);
        Assert.DoesNotContain("__MAMORI_CONFIG__", script, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", script, StringComparison.Ordinal);   // the CSP allows no inline style

        // Revalidation answers 304 without the body; a client that takes gzip gets the same file gzipped.
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/consent.js");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again, Ct)).StatusCode);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/consent.js");
        compressed.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var gzipResponse = await client.SendAsync(compressed, Ct);
        Assert.Equal("gzip", Assert.Single(gzipResponse.Content.Headers.ContentEncoding));
        await using var unzip = new GZipStream(await gzipResponse.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await unzip.CopyToAsync(plain, Ct);
        Assert.Equal(body, plain.ToArray());
    }

    [Fact]
    public async Task The_banner_texts_come_from_the_policy_in_either_language()
    {
        var client = host.CreateClient();
        using var en = JsonDocument.Parse(await client.GetStringAsync("/consent/en.json", Ct));
        var categories = en.RootElement.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["necessary", "analytics", "targeting"], categories.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Cookies etc. for understanding how the website is used", categories[1].GetProperty("label").GetString());
        Assert.Equal("opt-out", categories[1].GetProperty("modeName").GetString());
        var ga = categories[1].GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Google Analytics 4");
        Assert.Contains("IP address", ga.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.False(string.IsNullOrEmpty(ga.GetProperty("provider").GetString()));
        Assert.Equal("Allow all", en.RootElement.GetProperty("ui").GetProperty("accept_all").GetString());

        using var ja = JsonDocument.Parse(await client.GetStringAsync("/consent/ja.json", Ct));
        Assert.Equal("ウェブサイトの利用状況を把握するためのクッキー等", ja.RootElement.GetProperty("categories")[1].GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/consent/fr.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/consent/consent.css", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_agencys_own_sites_may_post_choices_from_their_pages()
    {
        var client = host.CreateClient();
        foreach (var path in new[] { "/api/v1/consents", "/consent/ja.json" })
        {
            var method = path.EndsWith(".json", StringComparison.Ordinal) ? "GET" : "POST";
            Assert.Equal(MamoriHost.SiteOrigin, (await PreflightAsync(client, path, MamoriHost.SiteOrigin, method)).Headers
                .GetValues("Access-Control-Allow-Origin").Single());
            Assert.False((await PreflightAsync(client, path, "https://evil.example", method)).Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_demo_site_loads_the_banner_and_holds_its_tags()
    {
        var client = host.CreateClient();
        var response = await client.GetAsync("/demo/site", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<script src=\"/consent.js\" async></script>", page, StringComparison.Ordinal);
        Assert.Contains("<script type=\"text/plain\" data-mamori-category=\"analytics\" data-src=\"/demo/analytics.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("data-mamori-category=\"targeting\" data-src=\"/demo/ads.js\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var tag = await client.GetAsync("/demo/analytics.js", Ct);
        Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
        Assert.Contains("window.mamoriDemo.analytics = true", await tag.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class ConsentScriptOnSqlite(SqliteHost host) : ConsentScriptTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsentScriptOnPostgres(PostgresHost host) : ConsentScriptTests<PostgresHost>(host), IClassFixture<PostgresHost>;
