using System.Globalization;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.Browser.Tests;

public sealed class ConsoleRequestsTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_privacy_officer_enters_a_mailed_disclosure_request_verifies_the_applicant_and_answers_by_letter()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var id = await host.RecordPersonAsync(new CreatePerson("customer", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = "高橋 美咲",
            ["contact.name_kana"] = "タカハシ ミサキ",
            ["contact.birthdate"] = "1982-07-15",
            ["contact.phone"] = "045-222-3344",
            ["contact.address"] = "神奈川県横浜市西区みなとみらい2-2-1",
        }));
        // Same name, another birthdate and phone: not the applicant, so not a candidate.
        var namesake = await host.RecordPersonAsync(new CreatePerson("customer", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = "高橋 美咲",
            ["contact.name_kana"] = "タカハシ ミサキ",
            ["contact.birthdate"] = "1990-01-20",
            ["contact.phone"] = "06-7777-8888",
            ["contact.address"] = "大阪府大阪市北区梅田1-1-1",
        }));
        var user = "officer-" + tag;
        await host.CreateStaffAsync(user, Roles.PrivacyOfficer);
        // The page names staff by their user name, not by their id.
        var actor = user;
        var today = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(9)).Date;
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dueText = today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var context = await host.Browser.NewContextAsync(new() { Locale = "ja-JP", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var cspViolations = 0;
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations++; };

        await host.SignInAsync(page, user);

        // The requests page from the console's navigation: nothing open yet; the form is dated today.
        await page.Locator("#nav-requests").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("開示等の請求等");
        await Assertions.Expect(page.Locator("#no-requests")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("受付日（到着日）")).ToHaveValueAsync(todayText);

        // Copy the application form that came by post.
        var form = page.Locator("#new-request");
        var application = form.GetByRole(AriaRole.Group, new() { Name = "申請内容" });
        await application.GetByLabel("請求の種類").SelectOptionAsync("disclosure");
        await application.GetByLabel("受付日（到着日）").FillAsync(todayText);
        await application.GetByLabel("回答方法").SelectOptionAsync("paper");
        await application.GetByLabel("請求の内容（申請書の記載）").FillAsync("保有個人データの開示を求めます。" + tag);
        var applicant = form.GetByRole(AriaRole.Group, new() { Name = "ご本人" });
        await applicant.GetByLabel("氏名").FillAsync("高橋 美咲");
        await applicant.GetByLabel("フリガナ").FillAsync("タカハシ ミサキ");
        await applicant.GetByLabel("生年月日").FillAsync("1982-07-15");
        await applicant.GetByLabel("郵便番号").FillAsync("220-0012");
        await applicant.GetByLabel("住所").FillAsync("神奈川県横浜市西区みなとみらい2-2-1");
        await applicant.GetByLabel("電話番号").FillAsync("045-222-3344");
        await form.GetByRole(AriaRole.Button, new() { Name = "登録" }).ClickAsync();

        // The new case: received, fee awaited, nobody matched yet.
        await page.WaitForURLAsync(url => url.Contains("created=1", StringComparison.Ordinal));
        var caseId = new Uri(page.Url).AbsolutePath["/console/requests/".Length..];
        Assert.True(Guid.TryParse(caseId, out _), page.Url);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("請求：開示");
        await Assertions.Expect(page.Locator("main .callout-ok[role=status]")).ToContainTextAsync("登録しました。");
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：受付");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("郵送");
        await Assertions.Expect(page.Locator("#fee")).ToContainTextAsync("1,000円（郵便定額小為替・未受領）");
        await Assertions.Expect(page.Locator("#identity")).ToContainTextAsync("未特定");
        await Assertions.Expect(page.Locator("section[aria-labelledby='application-heading']")).ToContainTextAsync("高橋 美咲 タカハシ ミサキ");
        await Assertions.Expect(page.Locator("section[aria-labelledby='application-heading']")).ToContainTextAsync("〒220-0012 神奈川県横浜市西区みなとみらい2-2-1");

        // In the queue, due 14 days after today.
        await page.Locator("p.breadcrumb").GetByRole(AriaRole.Link, new() { Name = "開示等の請求等" }).ClickAsync();
        var row = page.Locator($"tr[data-request='{caseId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync(dueText);
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("開示");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("受付");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync(todayText);
        await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("未受領");
        Assert.Equal("on_track", await row.GetAttributeAsync("data-urgency"));

        // Open the case from its due date; find the candidates and match the recorded person.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：受付");
        await page.Locator("#find-candidates").ClickAsync();
        var candidate = page.Locator($"li[data-candidate='{id}']");
        await Assertions.Expect(candidate).ToBeVisibleAsync();
        // In the page's words: the kind and what matched, not internal ids.
        await Assertions.Expect(candidate).ToContainTextAsync("お客様");
        await Assertions.Expect(candidate).ToContainTextAsync("氏名と生年月日");
        await Assertions.Expect(page.Locator($"li[data-candidate='{namesake}']")).ToHaveCountAsync(0);
        await candidate.GetByRole(AriaRole.Button, new() { Name = "この方に特定" }).ClickAsync();
        await Assertions.Expect(page.Locator("#matched-person")).ToHaveTextAsync(id.ToString());
        await Assertions.Expect(page.Locator("main .callout-ok[role=status]")).ToHaveTextAsync("記録しました。");

        // Verifying with the checklist still open is refused and says why.
        await page.Locator("#verify").ClickAsync();
        await Assertions.Expect(page.Locator("#page-error")).ToHaveAttributeAsync("data-code", "request.checklist_incomplete");
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：受付");

        // Tick every item the checklist asks for (A. the application form, B. the proof of identity), then verify.
        var checklist = page.Locator("#checklist tbody tr");
        await Assertions.Expect(checklist).ToHaveCountAsync(2);
        foreach (var document in new[] { "application_form", "identity_document" })
        {
            var item = page.Locator($"#checklist tr[data-document='{document}']");
            await Assertions.Expect(item).ToHaveAttributeAsync("data-checked", "false");
            await item.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#checklist tr[data-document='{document}']")).ToHaveAttributeAsync("data-checked", "true");
            await Assertions.Expect(page.Locator($"#checklist tr[data-document='{document}'] td").Nth(1)).ToContainTextAsync(actor);
        }
        await page.Locator("#verify").ClickAsync();
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：本人確認済み");
        await Assertions.Expect(page.Locator("#verify")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#find-candidates")).ToHaveCountAsync(0);

        // A disclosure carries the fee: the page says so, and carrying it out is refused until the money order is recorded.
        await Assertions.Expect(page.Locator("#fee-first")).ToHaveTextAsync("手数料の受領を記録してから対応できます。");
        await page.Locator("#fulfil").ClickAsync();
        await Assertions.Expect(page.Locator("#page-error")).ToHaveAttributeAsync("data-code", "request.fee_unpaid");
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：本人確認済み");
        await page.Locator("#record-fee").ClickAsync();
        await Assertions.Expect(page.Locator("#fee")).ToHaveAttributeAsync("data-fee-received", "true");
        await Assertions.Expect(page.Locator("#fee")).ToContainTextAsync("1,000円 受領");
        await Assertions.Expect(page.Locator("#fee-first")).ToHaveCountAsync(0);

        // Carry it out, then answer by letter to the application's address.
        await page.Locator("#fulfil").ClickAsync();
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：対応済み（回答待ち）");
        await Assertions.Expect(page.Locator("#fulfil")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#refuse")).ToHaveCountAsync(0);
        await page.Locator("#answer").GetByRole(AriaRole.Button, new() { Name = "回答する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("状況：回答済み");
        await Assertions.Expect(page.Locator("#answer-issued")).ToHaveAttributeAsync("data-method", "paper");
        await Assertions.Expect(page.Locator("#answer-issued")).ToContainTextAsync("書面で回答します。回答書（PDF）を印刷して郵送してください。");
        await Assertions.Expect(page.Locator("#answer-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#answer")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#withdraw")).ToHaveCountAsync(0);

        // The history lists each step, in order, by whom.
        var history = page.Locator("#history li");
        await Assertions.Expect(history).ToHaveCountAsync(4);
        Assert.Equal(["received", "verified", "fulfilled", "answered"],
            await history.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.to)"));
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("回答済み — " + actor);
        await Assertions.Expect(page.Locator("#history")).Not.ToContainTextAsync("staff:");

        // The letter to print is a PDF the signed-in officer can download from the case.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#package-pdf").ClickAsync());
        Assert.Equal($"request-{caseId}.pdf", download.SuggestedFilename);
        var letter = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.True(letter.AsSpan().StartsWith("%PDF-"u8), "The answer letter is not a PDF.");

        // Answered, the case leaves the open queue and stays among all requests.
        await page.Locator("#nav-requests").ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-request='{caseId}']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "完了したものも表示" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-request='{caseId}'] td").Nth(2)).ToHaveTextAsync("回答済み");

        Assert.Equal(0, cspViolations);
    }
}
