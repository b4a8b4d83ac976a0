using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Host.Api;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Signals.SignalClient;

namespace Mamori.Tests.Signals;

public abstract class SignalsApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(MamoriHost.SiteOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task Only_the_agencys_sites_may_post_signals_from_a_browser_with_their_key(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/signals");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await host.CreateClient().SendAsync(preflight, Ct);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Single() == origin);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Headers", out var headers)
            && headers.Single().Contains("authorization", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_batch_is_stored_with_every_kind_of_informative_data()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        var answer = await IngestAsync(site,
            PageView(host, device, extra: new { referrer = "https://search.example/?q=car", os = "iOS 17.4", connection = "wifi", ip = "198.51.100.23" }),
            Event(host, device, SignalTypes.Reservation, extra: new { count = 2 }),
            Event(host, device, SignalTypes.Call),
            Event(host, null, SignalTypes.ServerLog, "/healthz", new { logLine = "\"GET /healthz HTTP/1.1\" 200 2" }));

        Assert.Equal(4, answer.GetProperty("accepted").GetInt32());
        Assert.Empty(answer.GetProperty("dropped").EnumerateObject());
        var stored = await StoredAsync(host, device);
        Assert.Equal([SignalTypes.PageView, SignalTypes.Reservation, SignalTypes.Call], stored.Select(s => s.Type));
        var view = stored[0];
        Assert.Equal("https://www.kakacom-insurance.example/car/", view.Url);
        Assert.Equal("https://search.example/?q=car", view.Referrer);
        Assert.Equal(("iOS 17.4", "wifi"), (view.Os, view.Connection));
        Assert.Equal(host.Clock.GetUtcNow().AddMinutes(-1), view.At);
        Assert.Equal(host.Clock.GetUtcNow(), view.ReceivedAt);
        Assert.Equal(2, stored[1].Count);
        Assert.True(stored[1].Id > view.Id);
    }

    [Fact]
    public async Task Events_of_a_refused_cookie_category_are_dropped_at_the_door()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        await ChooseAsync(host, device, new { analytics = false, targeting = true });

        var answer = await IngestAsync(site,
            PageView(host, device), Event(host, device, SignalTypes.AppOpen),
            Event(host, device, SignalTypes.AdClick, "https://www.kakacom-insurance.example/lp"),
            Event(host, device, SignalTypes.ServerLog, "/login"));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(2, Count(answer, "dropped", "analytics_refused"));
        Assert.Equal([SignalTypes.ServerLog, SignalTypes.AdClick], (await StoredAsync(host, device)).Select(s => s.Type).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task Targeting_events_are_dropped_when_targeting_is_refused_or_gpc_is_on()
    {
        var site = await SiteAsync(host);
        var refused = NewDeviceId();
        var gpc = NewDeviceId();
        var allowed = NewDeviceId();
        await ChooseAsync(host, refused, new { targeting = false });
        await ChooseAsync(host, gpc, new { analytics = true }, gpc: true);

        var answer = await IngestAsync(site,
            Event(host, refused, SignalTypes.AdImpression), Event(host, gpc, SignalTypes.AdClick), Event(host, gpc, SignalTypes.Conversion),
            Event(host, allowed, SignalTypes.AdClick), PageView(host, gpc));

        Assert.Equal(3, Count(answer, "dropped", "targeting_refused"));
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([SignalTypes.PageView], (await StoredAsync(host, gpc)).Select(s => s.Type));
        Assert.Single(await StoredAsync(host, allowed));
    }

    [Fact]
    public async Task Location_is_kept_only_with_location_consent()
    {
        var site = await SiteAsync(host);
        var without = NewDeviceId();
        var with = NewDeviceId();
        await ChooseAsync(host, with, new { location = true });
        var place = new { location = new { lat = 35.6812, lon = 139.7671, accuracy = 25.0 } };

        var answer = await IngestAsync(site, Event(host, without, SignalTypes.AppOpen, extra: place), Event(host, with, SignalTypes.AppOpen, extra: place));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, Count(answer, "stripped", "location"));
        var stripped = Assert.Single(await StoredAsync(host, without));
        Assert.Null(stripped.Latitude);
        Assert.Null(stripped.Longitude);
        var kept = Assert.Single(await StoredAsync(host, with));
        Assert.Equal((35.6812, 139.7671, 25.0), (kept.Latitude!.Value, kept.Longitude!.Value, kept.LocationAccuracy!.Value));
    }

    [Fact]
    public async Task An_ad_id_is_kept_only_when_ad_optimisation_is_allowed_and_tracking_is_not_limited()
    {
        var site = await SiteAsync(host);
        var allowed = NewDeviceId();
        var notAllowed = NewDeviceId();
        await ChooseAsync(host, allowed, new { ad_identifiers = true });
        const string adId = "6D92078A-8246-4BA4-AE5B-76104861E7DC";

        var answer = await IngestAsync(site,
            Event(host, allowed, SignalTypes.AppOpen, extra: new { adId, limitAdTracking = false }),
            Event(host, allowed, SignalTypes.AppOpen, extra: new { adId, limitAdTracking = true }),
            Event(host, allowed, SignalTypes.AppOpen, extra: new { adId }),
            Event(host, notAllowed, SignalTypes.AppOpen, extra: new { adId, limitAdTracking = false }));

        Assert.Equal(4, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(3, Count(answer, "stripped", "adId"));
        Assert.Equal([adId, null, null], (await StoredAsync(host, allowed)).Select(s => s.AdId));
        Assert.Null(Assert.Single(await StoredAsync(host, notAllowed)).AdId);
    }

    [Fact]
    public async Task Ip_addresses_are_truncated_to_their_network_also_inside_log_lines()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        var answer = await IngestAsync(site,
            PageView(host, device, extra: new { ip = "203.0.113.77" }),
            PageView(host, device, extra: new { ip = "2001:db8:1234:5678::1" }),
            PageView(host, device, extra: new { ip = "::ffff:192.0.2.9" }),
            Event(host, device, SignalTypes.ServerLog, "/", new { logLine = "client 203.0.113.77 via 2001:db8:1234:5678::1 at 13:55:36 \"GET / HTTP/1.1\" 200" }));

        Assert.Equal(3, Count(answer, "truncated", "ip"));
        Assert.Equal(1, Count(answer, "truncated", "logLine"));
        var stored = await StoredAsync(host, device);
        Assert.Equal(["203.0.113.0", "2001:db8:1234::", "192.0.2.0", null], stored.Select(s => s.Ip));
        Assert.Equal("client 203.0.113.0 via 2001:db8:1234:: at 13:55:36 \"GET / HTTP/1.1\" 200", stored[3].LogLine);
        Assert.False(await host.RawDatabaseContainsAsync("203.0.113.77"));
    }

    [Fact]
    public async Task A_retry_is_answered_with_the_first_result_and_stores_nothing_twice()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        await ChooseAsync(host, device, new { analytics = false });
        var batchId = NewBatchId();
        object[] events = [PageView(host, device), Event(host, device, SignalTypes.AdClick), Event(host, device, SignalTypes.AdClick)];

        var first = await PostAsync(site, batchId, events);
        var firstBody = await first.Content.ReadAsStringAsync(Ct);
        var retry = await PostAsync(site, batchId, events);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync(Ct));
        Assert.False(first.Headers.Contains(SignalsApi.ReplayedHeader));
        Assert.Equal("true", retry.Headers.GetValues(SignalsApi.ReplayedHeader).Single());
        Assert.Equal(2, (await StoredAsync(host, device)).Count);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_batch_store_it_once()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        var batchId = NewBatchId();
        object[] events = [.. Enumerable.Range(0, 50).Select(_ => PageView(host, device))];

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(site, batchId, events)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync(Ct)));
        Assert.Single(bodies.Distinct());
        Assert.Equal(50, (await StoredAsync(host, device)).Count);
    }

    [Fact]
    public async Task Batch_ids_are_unique_per_site()
    {
        var device = NewDeviceId();
        var batchId = NewBatchId();
        await PostAsync(await SiteAsync(host, "www.site-a.example"), batchId, PageView(host, device));
        await PostAsync(await SiteAsync(host, "www.site-b.example"), batchId, PageView(host, device));
        // A rotated key of the same site is the same site.
        await PostAsync(await SiteAsync(host, "www.site-a.example"), batchId, PageView(host, device));

        Assert.Equal(2, (await StoredAsync(host, device)).Count);
    }

    [Fact]
    public async Task Batch_rules_answer_with_their_codes()
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();

        var missing = await site.PostAsJsonAsync("/api/v1/signals", new { events = new[] { PageView(host, device) } }, Ct);
        Assert.Equal((400, SignalCodes.BatchIdMissing), await CodeAsync(missing));
        var badId = await PostAsync(site, "has spaces", PageView(host, device));
        Assert.Equal((400, SignalCodes.BatchIdInvalid), await CodeAsync(badId));
        var empty = await PostAsync(site, NewBatchId());
        Assert.Equal((400, SignalCodes.EventsMissing), await CodeAsync(empty));

        var tooMany = await PostAsync(site, NewBatchId(), [.. Enumerable.Range(0, SignalLimits.MaxEventsPerBatch + 1).Select(_ => PageView(host, device))]);
        Assert.Equal((413, SignalCodes.BatchTooLarge), await CodeAsync(tooMany));
        var huge = "https://www.kakacom-insurance.example/" + new string('a', 2_000);
        var tooBig = await PostAsync(site, NewBatchId(), [.. Enumerable.Range(0, 600).Select(_ => PageView(host, device, huge))]);
        Assert.Equal((413, SignalCodes.BatchTooLarge), await CodeAsync(tooBig));

        var malformed = await site.PostAsync("/api/v1/signals", new StringContent("{\"batchId\": \"x\", ", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal((400, SignalCodes.BodyInvalid), await CodeAsync(malformed));
        var notJson = await site.PostAsync("/api/v1/signals", new StringContent("batchId=x", Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(415, (int)notJson.StatusCode);
        Assert.Empty(await StoredAsync(host, device));
    }

    [Theory]
    [InlineData("type", "{\"type\": \"telepathy\"}")]
    [InlineData("deviceId", "{\"deviceId\": \"short\"}")]
    [InlineData("deviceId", "{\"deviceId\": null}")]
    [InlineData("at", "{\"at\": \"2099-01-01T00:00:00Z\"}")]
    [InlineData("at", "{\"at\": \"yesterday\"}")]
    [InlineData("ip", "{\"ip\": \"999.1.1.1\"}")]
    [InlineData("url", "{\"url\": \"\"}")]
    [InlineData("count", "{\"count\": 0}")]
    [InlineData("location", "{\"location\": {\"lat\": 95, \"lon\": 10}}")]
    [InlineData("userAgent", "{\"userAgent\": 42}")]
    public async Task An_invalid_event_refuses_the_batch_naming_its_index_and_field(string field, string change)
    {
        var site = await SiteAsync(host);
        var device = NewDeviceId();
        var bad = JsonSerializer.SerializeToNode(PageView(host, device), JsonSerializerOptions.Web)!.AsObject();
        foreach (var (name, value) in JsonNode(change))
            bad[name] = value?.DeepClone();
        var body = new { batchId = NewBatchId(), events = new object[] { PageView(host, device), PageView(host, device), bad } };

        var response = await site.PostAsJsonAsync("/api/v1/signals", body, Ct);

        var (status, code, problem) = await ProblemAsync(response);
        Assert.Equal((400, SignalCodes.EventInvalid), (status, code));
        Assert.Equal(2, problem.GetProperty("index").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Empty(await StoredAsync(host, device));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketing, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.System, HttpStatusCode.OK)]
    public async Task Posting_signals_needs_a_key_allowed_to_ingest(string? role, HttpStatusCode expected)
    {
        var client = role is null ? host.CreateClient() : host.CreateApiClient(await host.CreateApiKeyAsync(role));
        Assert.Equal(expected, (await PostAsync(client, NewBatchId(), PageView(host, NewDeviceId()))).StatusCode);
    }

    [Fact]
    public async Task A_site_key_opens_nothing_else()
    {
        var site = await SiteAsync(host);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.GetAsync($"/api/v1/persons/{Guid.NewGuid()}?purpose=agency.identity_check", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostAsJsonAsync("/api/v1/decisions", new { purpose = "agency.usage_analysis", deviceId = NewDeviceId() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostAsJsonAsync("/api/v1/links", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.PostAsJsonAsync("/api/v1/audiences/export", new { }, Ct)).StatusCode);
    }

    private static System.Text.Json.Nodes.JsonObject JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
}

public sealed class SignalsApiOnSqlite(SqliteHost host) : SignalsApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class SignalsApiOnPostgres(PostgresHost host) : SignalsApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
