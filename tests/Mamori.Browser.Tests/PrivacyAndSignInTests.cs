using Microsoft.Playwright;
using OtpNet;

namespace Mamori.Browser.Tests;

public sealed class PrivacyAndSignInTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_reader_reads_the_notice_in_Japanese_then_in_English()
    {
        await using var context = await host.Browser.NewContextAsync(new() { Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        var blockedScripts = 0;
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blockedScripts++; };

        await page.GotoAsync(host.BaseUrl + "/privacy");
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#s1")).ToContainTextAsync("個人情報取扱い事業者");
        await Assertions.Expect(page.Locator("#s14")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("株式会社カカコム・インシュアランス");

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#s1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Privacy Mark");
        Assert.Equal(0, blockedScripts);

        // Readable on a phone: the notice fits a narrow screen without sideways scrolling of the page.
        await page.SetViewportSizeAsync(375, 800);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
    }

    [Fact]
    public async Task Staff_sign_in_with_two_factor()
    {
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.BaseUrl + "/console");
        Assert.Contains("/console/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("ユーザー名").FillAsync("admin");
        await page.GetByLabel("パスワード").FillAsync(BrowserHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();

        // First sign-in: enrol an authenticator from the QR code's key, then prove it with a code.
        await Assertions.Expect(page.Locator("img.qr")).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        await page.GetByLabel("確認コード（6桁）").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();

        await Assertions.Expect(page.Locator("#signed-in-user")).ToHaveTextAsync("admin");
        await Assertions.Expect(page.Locator("#signed-in-role")).ToHaveTextAsync("privacy_officer");
    }
}
