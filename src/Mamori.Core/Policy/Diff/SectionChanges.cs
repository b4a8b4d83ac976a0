using System.Text.Json.Nodes;

namespace Mamori.Policy.Diff;

/// <summary>
/// Everything the other comparers do not look at (statements, procedures, security measures…): a section
/// whose remaining text differs is reported as reworded, so no change goes unlisted.
/// </summary>
internal static class SectionChanges
{
    /// <summary>Parts the specific comparers report, and the version metadata that changes every time.</summary>
    private static readonly string[] Covered =
    [
        "version", "effectiveFrom", "revisions",
        "controller/name", "controller/address", "controller/representative",
        "purposes", "dataCategories", "recipients",
        "thirdParty/recipientKinds", "thirdParty/purposes", "thirdParty/coSolicitation/items",
        "jointUse/items", "jointUse/users", "jointUse/purposes", "jointUse/responsibleParty",
        "cookies/categories", "cookies/tags",
        "deviceIdentifiers/purposes", "deviceIdentifiers/adIdentifierPurposes", "location/purposes", "location/consentRequired",
    ];

    public static void Find(ChangeLog log)
    {
        var before = Uncovered(log.Old);
        var after = Uncovered(log.New);
        foreach (var (key, value) in after)
        {
            if (JsonNode.DeepEquals(before[key], value))
                continue;
            var section = Sections.GetValueOrDefault(key) ?? Localized.Of(key, key);
            log.Add(ChangeKind.Changed, ChangeSubject.Section, key, $"{section.Ja}の記載を変更。", $"The wording of {section.En} changed.");
        }
    }

    private static JsonObject Uncovered(PolicyDocument policy)
    {
        var json = ChangeLog.ToJson(policy)!.AsObject();
        foreach (var path in Covered)
        {
            var segments = path.Split('/');
            var parent = segments[..^1].Aggregate((JsonNode?)json, (node, key) => node?[key]);
            (parent as JsonObject)?.Remove(segments[^1]);
        }
        return json;
    }

    private static readonly Dictionary<string, LocalizedText> Sections = new()
    {
        ["established"] = Localized.Of("制定日", "the date established"),
        ["title"] = Localized.Of("表題", "the title"),
        ["preamble"] = Localized.Of("前文", "the preamble"),
        ["controller"] = Localized.Of("第1項（個人情報取扱事業者）", "§1 (the controller)"),
        ["acquisitionChannels"] = Localized.Of("第2項（取得の方法）", "§2 (how data is acquired)"),
        ["informativeData"] = Localized.Of("第3項(1)（インフォマティブデータ）", "§3(1) (informative data)"),
        ["cookies"] = Localized.Of("第3項(2)（クッキー等）", "§3(2) (cookies)"),
        ["deviceIdentifiers"] = Localized.Of("第3項(3)（端末識別子）", "§3(3) (device identifiers)"),
        ["location"] = Localized.Of("第3項(4)（位置情報）", "§3(4) (location)"),
        ["subjectKinds"] = Localized.Of("第4項の区分", "the §4 headings"),
        ["purposesStatement"] = Localized.Of("第4項の前文", "the §4 lead-in"),
        ["analysisNote"] = Localized.Of("第4項の※注記", "the §4 ※ note"),
        ["thirdParty"] = Localized.Of("第5項（第三者提供）", "§5 (third-party provision)"),
        ["jointUse"] = Localized.Of("第6項（共同利用）", "§6 (joint use)"),
        ["outsourcing"] = Localized.Of("第7項（業務委託）", "§7 (outsourcing)"),
        ["sensitiveData"] = Localized.Of("第8項（機微情報）", "§8 (sensitive data)"),
        ["requests"] = Localized.Of("第9項（開示等の請求等）", "§9 (requests)"),
        ["refusalStatement"] = Localized.Of("第10項の前文", "the §10 lead-in"),
        ["refusalGrounds"] = Localized.Of("第10項（応じない事由）", "§10 (grounds for refusal)"),
        ["security"] = Localized.Of("第11項（安全管理措置）", "§11 (security measures)"),
        ["inquiries"] = Localized.Of("第12項（問い合わせ窓口）", "§12 (inquiries)"),
        ["voluntariness"] = Localized.Of("第13項（任意性）", "§13 (voluntariness)"),
        ["scope"] = Localized.Of("第14項（適用範囲）", "§14 (scope)"),
        ["accreditedBody"] = Localized.Of("認定個人情報保護団体", "the accredited body"),
    };
}
