namespace Mamori.Policy;

internal static class Text
{
    public static LocalizedText Of(string ja, string en) => new() { Ja = ja, En = en };
}

/// <summary>The bracketed words a rendered change line carries for each flag.</summary>
internal static class AppiFlagLabels
{
    private static readonly (AppiFlags Flag, LocalizedText Label)[] Labels =
    [
        (AppiFlags.Consent, Text.Of("本人の同意が必要", "consent")),
        (AppiFlags.Notice, Text.Of("本人への通知又は公表", "notice")),
        (AppiFlags.AdvanceNotice, Text.Of("あらかじめ通知又は公表", "advance notice")),
        (AppiFlags.ChangeNotAllowed, Text.Of("原則として変更不可", "change not allowed")),
        (AppiFlags.ProvisionConsent, Text.Of("第三者提供の同意又はオプトアウト", "provision consent or opt-out")),
        (AppiFlags.Sensitive, Text.Of("要配慮・機微情報", "sensitive data")),
        (AppiFlags.CookieConsent, Text.Of("クッキー同意の取り直し", "new cookie consent")),
        (AppiFlags.PublishWithoutDelay, Text.Of("遅滞なく公表", "publish without delay")),
    ];

    public static IEnumerable<LocalizedText> Of(AppiFlags flags) => Labels.Where(l => flags.HasFlag(l.Flag)).Select(l => l.Label);
}

internal static class SubjectLabels
{
    public static LocalizedText Of(ChangeSubject subject) => subject switch
    {
        ChangeSubject.Controller => Text.Of("事業者", "controller"),
        ChangeSubject.Purpose => Text.Of("利用目的", "purpose"),
        ChangeSubject.DataCategory => Text.Of("データ項目", "data category"),
        ChangeSubject.Recipient => Text.Of("提供先", "recipient"),
        ChangeSubject.ThirdPartyProvision => Text.Of("第三者提供", "third-party provision"),
        ChangeSubject.CoSolicitation => Text.Of("共同募集", "co-solicitation"),
        ChangeSubject.JointUse => Text.Of("共同利用", "joint use"),
        ChangeSubject.CookieCategory => Text.Of("クッキー区分", "cookie category"),
        ChangeSubject.Tag => Text.Of("タグ", "tag"),
        ChangeSubject.DeviceIdentifiers => Text.Of("端末識別子", "device identifiers"),
        ChangeSubject.Location => Text.Of("位置情報", "location"),
        _ => Text.Of("記載", "section"),
    };
}
