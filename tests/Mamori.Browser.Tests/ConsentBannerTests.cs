using Mamori.Consent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.Browser.Tests;

/// <summary>The consent banner on /demo/site, as a visitor meets it: by mouse, by keyboard, with GPC, across reloads.</summary>
public sealed class ConsentBannerTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string AnalyticsTag = "/demo/analytics.js";
    private const string AdsTag = "/demo/ads.js";

    // Sums the page's layout shifts (Cumulative Layout Shift) from the first paint on.
    private const string LayoutShiftObserver = """
        window.__shift = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__shift += e.value; })
            .observe({ type: 'layout-shift', buffered: true });
        """;

    private string Site => host.BaseUrl + "/demo/site";

    /// <summary>A fresh visitor (no cookies) with one page; every path the page requests is noted.</summary>
    private sealed class Visit : IAsyncDisposable
    {
        private readonly List<string> _requests = [];

        public Visit(IBrowserContext context, IPage page)
        {
            Context = context;
            Page = page;
            page.Request += (_, request) => { lock (_requests) _requests.Add(new Uri(request.Url).AbsolutePath); };
        }

        public IBrowserContext Context { get; }
        public IPage Page { get; }

        public bool Requested(string path) { lock (_requests) return _requests.Contains(path); }

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    private async Task<Visit> VisitorAsync(BrowserNewContextOptions? options = null)
    {
        var context = await host.Browser.NewContextAsync(options ?? new() { Locale = "ja-JP" });
        await context.AddInitScriptAsync(LayoutShiftObserver);
        return new Visit(context, await context.NewPageAsync());
    }

    private static ILocator Banner(IPage page, string name = "クッキー等の利用について") => page.GetByRole(AriaRole.Dialog, new() { Name = name });

    private static Task<bool> ChoiceAsync(IPage page, string category) => page.EvaluateAsync<bool>($"() => window.mamori.choices['{category}']");

    private async Task<ConsentState> RecordedAsync(IPage page)
    {
        var deviceId = await page.EvaluateAsync<string>("() => window.mamori.deviceId");
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsentLedger>().CurrentAsync(ConsentSubject.Device(deviceId));
    }

    [Fact]
    public async Task The_banner_appears_over_the_page_without_moving_it_and_refusing_analytics_never_loads_its_tag()
    {
        await using var visit = await VisitorAsync();
        var page = visit.Page;

        // Hold the banner's texts until the page has been measured without it.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/consent/ja.json", async route => { await release.Task; await route.ContinueAsync(); });
        await page.GotoAsync(Site);
        await Assertions.Expect(page.Locator("#content")).ToBeVisibleAsync();
        var before = await page.Locator("#content").BoundingBoxAsync();
        release.SetResult();

        var banner = Banner(page);
        await Assertions.Expect(banner).ToBeVisibleAsync();
        var after = await page.Locator("#content").BoundingBoxAsync();
        Assert.Equal((before!.X, before.Y, before.Width, before.Height), (after!.X, after.Y, after.Width, after.Height));
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.__shift"));
        Assert.Equal("fixed", await banner.EvaluateAsync<string>("b => getComputedStyle(b).position"));
        await Assertions.Expect(banner).ToContainTextAsync("ウェブサイトの利用状況を把握するためのクッキー等");
        Assert.False(visit.Requested(AnalyticsTag), "nothing optional runs before the visitor has been asked");

        var posted = page.WaitForResponseAsync("**/api/v1/consents");
        await banner.GetByRole(AriaRole.Button, new() { Name = "必須以外を拒否する" }).ClickAsync();
        Assert.Equal(201, (await posted).Status);
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.False(await ChoiceAsync(page, "analytics"));
        Assert.False(visit.Requested(AnalyticsTag));
        Assert.False(visit.Requested(AdsTag));
        Assert.True(await page.EvaluateAsync<bool>("() => window.mamoriDemo === undefined"));
        var recorded = await RecordedAsync(page);
        Assert.False(recorded.Allows("analytics"));
        Assert.Equal(ConsentMethods.Banner, recorded.Choices.Single(c => c.Category.Id == "analytics").Record?.Method);

        // The choice survives a reload: no banner, and still no analytics tag.
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(Banner(page)).ToHaveCountAsync(0);
        Assert.False(await ChoiceAsync(page, "analytics"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.mamori.decided"));
        Assert.False(visit.Requested(AnalyticsTag));

        // A choice made under a version whose consents no longer stand is asked again.
        await visit.Context.AddCookiesAsync([new() { Name = "mamori_consent", Value = "v%3D2019-01-01%26analytics%3D0%26targeting%3D0", Url = host.BaseUrl }]);
        await page.ReloadAsync();
        await Assertions.Expect(Banner(page)).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.mamori.decided"));
    }

    [Fact]
    public async Task Allowed_tags_run_and_keep_running_after_a_reload_until_withdrawn()
    {
        await using var visit = await VisitorAsync(new() { Locale = "en-US" });
        var page = visit.Page;
        await page.GotoAsync(Site + "?lang=en");

        var banner = Banner(page, "How we use cookies");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Allow all" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.mamoriDemo?.analytics === true && window.mamoriDemo?.ads === true");

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.mamoriDemo?.analytics === true");
        await Assertions.Expect(Banner(page, "How we use cookies")).ToHaveCountAsync(0);
        Assert.True(await ChoiceAsync(page, "targeting"));

        // Withdrawing is as easy as giving: the site's settings button, one switch, save.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cookie settings" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cookie settings" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Switch, new() { Name = "Cookies etc. for providing effective content" }).UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save choices" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.False(await ChoiceAsync(page, "targeting"));
        Assert.True(await ChoiceAsync(page, "analytics"));

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.mamoriDemo?.analytics === true");
        Assert.False(await page.EvaluateAsync<bool>("() => window.mamoriDemo.ads === true"));
        Assert.False((await RecordedAsync(page)).Allows("targeting"));
        Assert.True(visit.Requested(AnalyticsTag));
    }

    [Fact]
    public async Task With_Global_Privacy_Control_targeting_ends_off_without_asking()
    {
        await using var visit = await VisitorAsync(new()
        {
            Locale = "ja-JP",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Sec-GPC"] = "1" },
        });
        var page = visit.Page;
        await visit.Context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });");

        var gpcRecorded = page.WaitForRequestAsync(r => r.Url.EndsWith("/api/v1/consents", StringComparison.Ordinal) && r.PostData!.Contains("\"gpc\"", StringComparison.Ordinal));
        await page.GotoAsync(Site);
        await gpcRecorded;
        var banner = Banner(page);
        await Assertions.Expect(banner).ToContainTextAsync("グローバル・プライバシー・コントロール");

        await banner.GetByRole(AriaRole.Button, new() { Name = "すべて許可する" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.mamoriDemo?.analytics === true");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.False(await ChoiceAsync(page, "targeting"));
        Assert.False(visit.Requested(AdsTag));
        var targeting = (await RecordedAsync(page)).Choices.Single(c => c.Category.Id == "targeting");
        Assert.False(targeting.Given);
        Assert.Equal(ConsentMethods.Gpc, targeting.Record?.Method);

        // In the settings, targeting stays off and cannot be switched on.
        await page.GetByRole(AriaRole.Button, new() { Name = "クッキー設定" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "クッキー設定" });
        var switchOff = dialog.GetByRole(AriaRole.Switch, new() { Name = "利用者の興味・関心に関連する" });
        await Assertions.Expect(switchOff).Not.ToBeCheckedAsync();
        await Assertions.Expect(switchOff).ToBeDisabledAsync();
    }

    [Fact]
    public async Task The_settings_work_by_keyboard_alone()
    {
        await using var visit = await VisitorAsync();
        var page = visit.Page;
        await page.GotoAsync(Site);
        var banner = Banner(page);
        await Assertions.Expect(banner).ToBeVisibleAsync();

        // The banner comes first in the tab order.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.mamori-banner')"));
        await TabToAsync(page, "設定");
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        // Enter opens the dialog with focus inside; Esc closes it and focus returns.
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "クッキー設定" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        Assert.Equal("true", await dialog.GetAttributeAsync("aria-modal"));
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('dialog')"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal("設定", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        // Space switches analytics off; Enter on Save records it.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await TabToAsync(page, "", "mamori-analytics");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(dialog.Locator("#mamori-analytics")).Not.ToBeCheckedAsync();
        await TabToAsync(page, "選択を保存する");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await page.WaitForFunctionAsync("() => window.mamoriDemo?.ads === true");

        Assert.False(await ChoiceAsync(page, "analytics"));
        Assert.False(visit.Requested(AnalyticsTag));
        // Focus is not lost: it lands on the site's settings button, ready to reopen them.
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.hasAttribute('data-mamori-settings')"));
    }

    [Fact]
    public async Task On_a_page_of_its_own_it_tells_Google_Consent_Mode_and_adds_a_settings_button()
    {
        await using var visit = await VisitorAsync();
        var page = visit.Page;
        // A bare agency page with gtag and no settings element of its own (served here, so no CSP of Mamori's applies).
        await page.RouteAsync(host.BaseUrl + "/agency-page", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $$"""
                <!DOCTYPE html><html lang="ja"><head>
                <script>window.dataLayer = []; function gtag() { dataLayer.push(Array.from(arguments)); }</script>
                <script src="{{host.BaseUrl}}/consent.js" async></script>
                </head><body><p id="content">代理店のページ</p></body></html>
                """,
        }));
        await page.GotoAsync(host.BaseUrl + "/agency-page");
        await Banner(page).GetByRole(AriaRole.Button, new() { Name = "すべて許可する" }).ClickAsync();

        var consent = await page.EvaluateAsync<string[][]>(
            "() => dataLayer.filter(c => c[0] === 'consent').map(c => [c[1], c[2].analytics_storage, c[2].ad_storage, c[2].ad_user_data, c[2].ad_personalization])");
        Assert.Equal(["default", "denied", "denied", "denied", "denied"], consent[0]);
        Assert.Equal(["update", "granted", "granted", "granted", "granted"], consent[^1]);

        var settings = page.GetByRole(AriaRole.Button, new() { Name = "クッキー設定" });
        await Assertions.Expect(settings).ToBeVisibleAsync();
        Assert.Equal("fixed", await settings.EvaluateAsync<string>("b => getComputedStyle(b).position"));
        await settings.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "クッキー設定" })).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the focused element has the text (or id); at most 30 presses.</summary>
    private static async Task TabToAsync(IPage page, string text, string? id = null)
    {
        for (var i = 0; i < 30; i++)
        {
            var focused = await page.EvaluateAsync<string[]>("() => [document.activeElement.textContent.trim(), document.activeElement.id]");
            if (id is not null ? focused[1] == id : focused[0] == text)
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached '{id ?? text}'.");
    }
}
