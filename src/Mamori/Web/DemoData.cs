using System.Security.Cryptography;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Inquiries;
using Mamori.Requests;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Web;

/// <summary>
/// <c>--demo</c>: fills an empty database with demo content so every console page has something to show: one staff
/// account per console role (user name = role, password = the admin's), fictional Japanese customers and contacts,
/// cookie choices of a few browsers, their page views, one browser linked to a customer, two requests and an inquiry. Everything goes
/// through the same use cases as real data, so it is encrypted, audited and decided like real data.
/// </summary>
public static class DemoData
{
    private const string Actor = "demo";
    private const string Site = "demo-site";

    /// <returns>The user names of the demo staff created (empty when the database already had staff).</returns>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider sp, string adminPassword, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MamoriDb>();
        if (await db.StaffUsers.CountAsync(ct) > 1)
            return [];
        var accounts = sp.GetRequiredService<StaffAccounts>();
        var created = new List<string>();
        // Machine roles (system, site) have no console to sign in to.
        foreach (var role in Roles.All.Where(r => r != Roles.PrivacyOfficer && Roles.Allows(r, Permission.ViewConsole)))
        {
            await accounts.CreateAsync(role, DisplayNames[role], role, adminPassword, ct);
            created.Add(role);
        }
        await SeedContentAsync(sp, ct);
        await DemoParties.SeedAsync(sp, ct);
        return created;
    }

    private static async Task SeedContentAsync(IServiceProvider sp, CancellationToken ct)
    {
        var vault = sp.GetRequiredService<PersonVault>();
        var persons = new List<Guid>();
        foreach (var person in People)
            persons.Add((await vault.CreateAsync(person, Actor, ct)).Id);

        // Four browsers: one accepts everything, one only analytics, one rejects, one sends GPC.
        var ledger = sp.GetRequiredService<ConsentLedger>();
        var devices = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 26)).ToArray();
        (bool Analytics, bool Targeting, bool Gpc)[] choices = [(true, true, false), (true, false, false), (false, false, false), (true, false, true)];
        for (var i = 0; i < devices.Length; i++)
        {
            await ledger.RecordAsync(new RecordConsent(ConsentSubject.Device(devices[i]),
                new Dictionary<string, bool> { [ConsentCatalog.Analytics] = choices[i].Analytics, [ConsentCatalog.Targeting] = choices[i].Targeting },
                ConsentMethods.Banner, choices[i].Gpc, Actor), ct);
        }

        // A week of page views from each browser; the gate drops those of the browser that rejected analytics.
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        string[] pages = ["/", "/products/life", "/products/medical", "/consultation", "/reservation", "/privacy"];
        var events = new List<SignalEvent?>();
        for (var day = 7; day >= 1; day--)
        {
            for (var d = 0; d < devices.Length; d++)
            {
                var page = pages[(day + d) % pages.Length];
                events.Add(new SignalEvent(devices[d], SignalTypes.PageView, now.AddDays(-day).AddMinutes(d * 7),
                    Url: "https://kakacom.example" + page, Referrer: "https://www.google.com/",
                    UserAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
                    Ip: $"203.0.113.{10 + d}"));
            }
        }
        await sp.GetRequiredService<SignalIngestion>().IngestAsync(Site, Actor, new SignalBatchInput("demo-week", events), ct);

        // The first browser belongs to the first customer, who called about a web reservation (§3(1) inquiry handling).
        await sp.GetRequiredService<DeviceLinks>().LinkAsync(devices[0], persons[0], "inquiry_response", Actor, ct);

        // The desk's queues: a disclosure request by post matched to that customer and waiting for the fee, a
        // suspension of use just received, and a question from the inquiry form.
        var requests = sp.GetRequiredService<RequestCases>();
        var disclosure = await requests.OpenAsync(new OpenRequest("disclosure", RequestChannels.Mail, AgentTypes.None, ResponseMethods.Paper,
            new Requester("山本 太郎", "東京都千代田区丸の内1-1-1", "ヤマモト タロウ", new DateOnly(1980, 4, 12), "100-0005", "090-0000-0001")), Actor, ct);
        await requests.MatchAsync(disclosure.Id, persons[0], Actor, ct);
        await requests.OpenAsync(new OpenRequest("suspension_of_use", RequestChannels.Mail, AgentTypes.None, ResponseMethods.Paper,
            new Requester("田中 美咲", "大阪府大阪市北区梅田2-2-2", Phone: "090-0000-0002"),
            Details: "保険商品のご案内の電話を止めてください。"), Actor, ct);
        await sp.GetRequiredService<InquiryRegister>().SubmitAsync(new SubmitInquiry(InquiryKinds.Question, "高橋 誠", "makoto.takahashi@example.jp",
            "Webで見積もりを予約しましたが、確認のメールが届きません。", "ja"), InquiryChannels.Form, Actor, ct);
    }

    private static CreatePerson Customer(string name, string kana, string birthdate, string address, string phone, string email, string policy) =>
        new("customer", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = name,
            ["contact.name_kana"] = kana,
            ["contact.birthdate"] = birthdate,
            ["contact.address"] = address,
            ["contact.phone"] = phone,
            ["contact.email"] = email,
            ["insurance.policy"] = policy,
        });

    // Fictional people: example.jp addresses, 090-0000 numbers and made-up policy numbers.
    private static readonly CreatePerson[] People =
    [
        Customer("山本 太郎", "ヤマモト タロウ", "1980-04-12", "東京都千代田区丸の内1-1-1", "090-0000-0001", "taro.yamamoto@example.jp", "生命保険 証券番号 L-100001"),
        Customer("田中 美咲", "タナカ ミサキ", "1992-11-03", "大阪府大阪市北区梅田2-2-2", "090-0000-0002", "misaki.tanaka@example.jp", "医療保険 証券番号 M-200002"),
        Customer("高橋 誠", "タカハシ マコト", "1975-07-21", "愛知県名古屋市中区栄3-3-3", "090-0000-0003", "makoto.takahashi@example.jp", "自動車保険 証券番号 A-300003"),
        Customer("伊藤 さくら", "イトウ サクラ", "1988-03-30", "福岡県福岡市中央区天神4-4-4", "090-0000-0004", "sakura.ito@example.jp", "がん保険 証券番号 C-400004"),
        Customer("渡辺 健一", "ワタナベ ケンイチ", "1969-12-08", "北海道札幌市中央区北一条西5-5-5", "090-0000-0005", "kenichi.watanabe@example.jp", "火災保険 証券番号 F-500005"),
        new("applicant", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = "小林 優",
            ["contact.email"] = "yu.kobayashi@example.jp",
            ["applicant.resume"] = "営業職 5年（保険代理店）",
        }),
        new("business_contact", "direct", new Dictionary<string, string>
        {
            ["contact.name"] = "中村 学",
            ["business.company"] = "サンプル損害保険株式会社",
            ["business.title"] = "代理店営業部 課長",
            ["contact.email"] = "manabu.nakamura@example.jp",
        }),
    ];

    private static readonly Dictionary<string, string> DisplayNames = new()
    {
        [Roles.Operator] = "山田 花子（オペレーター）",
        [Roles.Auditor] = "佐藤 健（監査）",
        [Roles.Marketing] = "鈴木 一郎（マーケティング）",
    };
}
