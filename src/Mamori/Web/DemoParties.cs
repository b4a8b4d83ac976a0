using Mamori.Audit;
using Mamori.Parties;

namespace Mamori.Host.Web;

/// <summary><c>--demo</c>: fictitious parties, so the co-solicitor list, the outsourcing page and the notice's
/// §7 and §11(7) have something to show.</summary>
public static class DemoParties
{
    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var registry = sp.GetRequiredService<PartyRegistry>();
        SaveParty[] parties =
        [
            new("sakura-agency", PartyKinds.CoSolicitor, null, "さくら保険代理店株式会社（デモ）", "Sakura Insurance Agency (demo)",
                "東京都千代田区丸の内一丁目1番1号", "代表取締役 桜井 一郎", "JP", "個人情報の取扱いに関する機密保持契約（2024年4月1日締結）",
                "共同募集に関する契約の相手方", Listed: true),
            new("midori-agency", PartyKinds.CoSolicitor, null, "みどり保険サービス合同会社（デモ）", "Midori Insurance Services (demo)",
                "大阪府大阪市北区梅田二丁目2番2号", "代表社員 緑川 二郎", "JP", "個人情報の取扱いに関する機密保持契約（2025年1月10日締結）",
                "共同募集に関する契約の相手方", Listed: true),
            new("print-mail", PartyKinds.Contractor, null, "デモ印刷発送株式会社", "Demo Print and Mail Co.", "埼玉県さいたま市大宮区三丁目3番3号",
                "代表取締役 印藤 三郎", "JP", "業務委託契約及び機密保持契約", "委託先", EntrustedWork: "契約更改のご案内の印刷・発送",
                EntrustedItems: ["contact.name", "contact.address"]),
        ];
        foreach (var party in parties)
            await registry.CreateAsync(party, AuditActors.System, ct);
    }
}
