namespace Mamori.Policy;

internal static class Localized
{
    public static LocalizedText Of(string ja, string en) => new() { Ja = ja, En = en };
}

/// <summary>The bracketed words a rendered change line carries for each flag.</summary>
internal static class AppiFlagLabels
{
    private static readonly (AppiFlags Flag, LocalizedText Label)[] Labels =
    [
        (AppiFlags.Consent, Localized.Of("本人の同意が必要", "consent")),
        (AppiFlags.Notice, Localized.Of("本人への通知又は公表", "notice")),
        (AppiFlags.AdvanceNotice, Localized.Of("あらかじめ通知又は公表", "advance notice")),
        (AppiFlags.ChangeNotAllowed, Localized.Of("原則として変更不可", "change not allowed")),
        (AppiFlags.ProvisionConsent, Localized.Of("第三者提供の同意又はオプトアウト", "provision consent or opt-out")),
        (AppiFlags.Sensitive, Localized.Of("要配慮・機微情報", "sensitive data")),
        (AppiFlags.CookieConsent, Localized.Of("クッキー同意の取り直し", "new cookie consent")),
        (AppiFlags.PublishWithoutDelay, Localized.Of("遅滞なく公表", "publish without delay")),
    ];

    public static IEnumerable<LocalizedText> Of(AppiFlags flags) => Labels.Where(l => flags.HasFlag(l.Flag)).Select(l => l.Label);
}

internal static class SubjectLabels
{
    public static LocalizedText Of(ChangeSubject subject) => subject switch
    {
        ChangeSubject.Controller => Localized.Of("事業者", "controller"),
        ChangeSubject.Purpose => Localized.Of("利用目的", "purpose"),
        ChangeSubject.DataCategory => Localized.Of("データ項目", "data category"),
        ChangeSubject.Recipient => Localized.Of("提供先", "recipient"),
        ChangeSubject.ThirdPartyProvision => Localized.Of("第三者提供", "third-party provision"),
        ChangeSubject.CoSolicitation => Localized.Of("共同募集", "co-solicitation"),
        ChangeSubject.JointUse => Localized.Of("共同利用", "joint use"),
        ChangeSubject.CookieCategory => Localized.Of("クッキー区分", "cookie category"),
        ChangeSubject.Tag => Localized.Of("タグ", "tag"),
        ChangeSubject.DeviceIdentifiers => Localized.Of("端末識別子", "device identifiers"),
        ChangeSubject.Location => Localized.Of("位置情報", "location"),
        _ => Localized.Of("記載", "section"),
    };
}
