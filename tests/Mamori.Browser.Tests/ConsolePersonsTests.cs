using Mamori.Staff;
using Mamori.Vault;
using Microsoft.Playwright;

namespace Mamori.Browser.Tests;

public sealed class ConsolePersonsTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>Set to a directory to keep screenshots of the persons pages at desktop and phone widths.</summary>
    public const string ScreenshotVariable = "MAMORI_SCREENSHOT_DIR";

    [Fact]
    public async Task An_operator_finds_a_person_by_kana_and_birthdate_reads_them_for_a_purpose_and_changes_the_phone()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"hanako.{tag}@example.jp";
        var id = await host.RecordPersonAsync(new CreatePerson("customer", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = "佐藤 花子",
            ["contact.name_kana"] = "サトウ ハナコ",
            ["contact.birthdate"] = "1975-12-03",
            ["contact.email"] = email,
            ["contact.phone"] = "03-1234-5678",
            ["contact.address"] = "東京都港区新橋2-6-2",
        }));
        await host.CreateStaffAsync("operator-" + tag, Roles.Operator);

        await using var context = await host.Browser.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var cspViolations = 0;
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations++; };

        await host.SignInAsync(page, "operator-" + tag);

        // Find by the name in kana (written in hiragana, without the space) and the birthdate.
        await page.Locator("#nav-persons").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("個人データの検索");
        await page.GetByLabel("氏名（漢字またはカナ）").FillAsync("さとうはなこ");
        await page.GetByLabel("生年月日").FillAsync("1975-12-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-person='{id}']")).ToBeVisibleAsync();
        Assert.DoesNotContain("さとうはなこ", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("1975", page.Url, StringComparison.Ordinal);
        await ScreenshotAsync(page, "1-search");
        await page.SetViewportSizeAsync(375, 800);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await ScreenshotAsync(page, "1-search", phone: true);
        await page.SetViewportSizeAsync(1280, 900);

        // Open: nothing is shown until a purpose is chosen.
        await page.Locator($"tr[data-person='{id}']").GetByRole(AriaRole.Link, new() { Name = "開く" }).ClickAsync();
        await Assertions.Expect(page.Locator("#choose-purpose")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("article.item").CountAsync());
        await ScreenshotAsync(page, "2-person-no-purpose");

        await page.GetByLabel("利用目的").SelectOptionAsync("agency.identity_check");
        await page.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        Assert.Contains("purpose=agency.identity_check", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("article[data-category='contact.email'] .value")).ToHaveTextAsync(email);
        await Assertions.Expect(page.Locator("li[data-withheld='contact.address']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("東京都港区新橋2-6-2");
        await page.Locator("article[data-category='contact.email'] details.provenance > summary").ClickAsync();
        await Assertions.Expect(page.Locator("article[data-category='contact.email'] details.provenance")).ToContainTextAsync("本人から直接");
        await ScreenshotAsync(page, "3-person-identity-check");

        // Change the phone under the same purpose.
        var phone = page.Locator("article[data-category='contact.phone']");
        await phone.Locator("details.edit summary").ClickAsync();
        await phone.Locator("input[name='Edit.Value']").FillAsync("090-8765-4321");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("保存しました。");
        await Assertions.Expect(page.Locator("article[data-category='contact.phone'] .value")).ToHaveTextAsync("090-8765-4321");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("03-1234-5678");
        Assert.Equal(0, cspViolations);

        // The same view in English: the language switch keeps the purpose.
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("#allowed-heading")).ToHaveTextAsync("What this purpose may use");
        await Assertions.Expect(page.Locator("article[data-category='contact.phone'] .value")).ToHaveTextAsync("090-8765-4321");
        await ScreenshotAsync(page, "5-person-english");
        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "日本語" }).ClickAsync();

        // Readable on a phone: no sideways scrolling of the page.
        await page.SetViewportSizeAsync(375, 800);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await ScreenshotAsync(page, "3-person-identity-check", phone: true);

        // A scanned form larger than the server's default request limit (1 MB) is accepted on this page.
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("#purpose").SelectOptionAsync("agency.claims_and_changes");
        await page.GetByRole(AriaRole.Button, new() { Name = "表示" }).ClickAsync();
        var scan = new byte[3 * 1024 * 1024];
        "%PDF-1.4 scanned identity document"u8.CopyTo(scan);
        await page.Locator("#upload-category").SelectOptionAsync("identity.document_copy");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = scan });
        await page.GetByRole(AriaRole.Button, new() { Name = "アップロード" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("保存しました。");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("article[data-category='identity.document_copy'] a[download]").ClickAsync());
        Assert.StartsWith("identity.document_copy-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(scan.Length, new FileInfo(await download.PathAsync()).Length);

        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync(host.BaseUrl + "/console/persons/new");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"));
        await ScreenshotAsync(page, "4-new-person", phone: true);
        await page.SetViewportSizeAsync(1280, 900);
        await ScreenshotAsync(page, "4-new-person");
    }

    private static async Task ScreenshotAsync(IPage page, string name, bool phone = false)
    {
        var directory = Environment.GetEnvironmentVariable(ScreenshotVariable);
        if (string.IsNullOrEmpty(directory))
            return;
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
    }
}
