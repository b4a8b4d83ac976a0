namespace Mamori.Policy.Diff;

/// <summary>
/// §3: cookie categories, tags, device identifiers and location. The banner asks again when a category is
/// added or its consent mode changes, or a tag moves into another category. A new or widened third-party
/// tag goes on the external transmission list before it runs (TBA Art. 27-12). Device identifiers and
/// location serving new purposes go beyond what the person agreed to.
/// </summary>
internal static class DeviceDataChanges
{
    public static void Find(ChangeLog log)
    {
        ChangeLog.Match(log.Old.Cookies.Categories, log.New.Cookies.Categories, c => c.Id,
            added => log.Add(ChangeKind.Added, ChangeSubject.CookieCategory, added.Id,
                $"クッキー区分「{added.Label.Ja}」（{Mode(added.Mode)}）を追加。",
                $"Added cookie category \"{added.Label.En}\" ({Mode(added.Mode)}).",
                added.Mode == ConsentMode.Necessary ? AppiFlags.None : AppiFlags.CookieConsent),
            removed => log.Add(ChangeKind.Removed, ChangeSubject.CookieCategory, removed.Id,
                $"クッキー区分「{removed.Label.Ja}」を削除。", $"Removed cookie category \"{removed.Label.En}\"."),
            (before, after) =>
            {
                if (before.Mode != after.Mode)
                    log.Add(ChangeKind.Changed, ChangeSubject.CookieCategory, after.Id,
                        $"クッキー区分「{after.Label.Ja}」の同意方式を{Mode(before.Mode)}から{Mode(after.Mode)}に変更。バナーで同意を取り直します。",
                        $"Cookie category \"{after.Label.En}\" changes from {Mode(before.Mode)} to {Mode(after.Mode)}: the banner asks again.",
                        AppiFlags.CookieConsent);
                else if (!ChangeLog.SameJson(before, after))
                    log.Add(ChangeKind.Changed, ChangeSubject.CookieCategory, after.Id,
                        $"クッキー区分「{after.Label.Ja}」の記載を変更。", $"Cookie category \"{after.Label.En}\" was redescribed.");
            });

        ChangeLog.Match(log.Old.Cookies.Tags, log.New.Cookies.Tags, t => t.Id,
            added => log.Add(ChangeKind.Added, ChangeSubject.Tag, added.Id,
                $"タグ「{added.Name.Ja}」（{added.Category}）を追加" + (added.Party == Party.Third ? "。外部送信の一覧に載せてから設置します。" : "。"),
                $"Added tag \"{added.Name.En}\" ({added.Category})" + (added.Party == Party.Third ? "; list it for external transmission before it runs." : "."),
                added.Party == Party.Third ? AppiFlags.Notice : AppiFlags.None),
            removed => log.Add(ChangeKind.Removed, ChangeSubject.Tag, removed.Id,
                $"タグ「{removed.Name.Ja}」を削除。", $"Removed tag \"{removed.Name.En}\"."),
            (before, after) => TagChanged(log, before, after));

        PurposeListChanged(log, ChangeSubject.DeviceIdentifiers, "purposes", log.Old.DeviceIdentifiers.Purposes, log.New.DeviceIdentifiers.Purposes,
            "端末識別子の利用目的", "device identifiers");
        PurposeListChanged(log, ChangeSubject.DeviceIdentifiers, "ad_identifier_purposes", log.Old.DeviceIdentifiers.AdIdentifierPurposes,
            log.New.DeviceIdentifiers.AdIdentifierPurposes, "広告識別子の利用目的", "advertising identifiers");
        PurposeListChanged(log, ChangeSubject.Location, "purposes", log.Old.Location.Purposes, log.New.Location.Purposes,
            "位置情報の利用目的", "location data");
        if (log.Old.Location.ConsentRequired && !log.New.Location.ConsentRequired)
            log.Add(ChangeKind.Changed, ChangeSubject.Location, "consent_required",
                "位置情報の取得に同意を求めない扱いに変更。同意を前提に取得してきたため、本人の同意が必要です。",
                "Location would be collected without asking: it was promised only with consent, so consent is needed.",
                AppiFlags.Consent);
    }

    private static void TagChanged(ChangeLog log, Tag before, Tag after)
    {
        if (before.Category != after.Category)
        {
            log.Add(ChangeKind.Changed, ChangeSubject.Tag, after.Id,
                $"タグ「{after.Name.Ja}」のクッキー区分を{before.Category}から{after.Category}に変更。バナーで同意を取り直します。",
                $"Tag \"{after.Name.En}\" moves from category {before.Category} to {after.Category}: the banner asks again.",
                AppiFlags.CookieConsent);
            return;
        }
        var sentMore = ChangeLog.AddedTo(before.ItemsSent, after.ItemsSent).Count > 0;
        var moreUses = ChangeLog.AddedTo(before.Purposes, after.Purposes).Count > 0;
        if (after.Party == Party.Third && (sentMore || moreUses || before.Provider != after.Provider || before.Party != after.Party))
            log.Add(ChangeKind.Changed, ChangeSubject.Tag, after.Id,
                $"タグ「{after.Name.Ja}」の送信先、送信項目又は目的を変更。外部送信の一覧を更新してから反映します。",
                $"Tag \"{after.Name.En}\" sends to someone else, sends more or serves more purposes: update the external transmission list first.",
                AppiFlags.Notice);
        else if (!ChangeLog.SameJson(before, after))
            log.Add(ChangeKind.Changed, ChangeSubject.Tag, after.Id, $"タグ「{after.Name.Ja}」の記載を変更。", $"Tag \"{after.Name.En}\" was redescribed.");
    }

    private static void PurposeListChanged(ChangeLog log, ChangeSubject subject, string id, List<string> before, List<string> after, string ja, string en)
    {
        var removed = ChangeLog.AddedTo(after, before);
        if (removed.Count > 0)
            log.Add(ChangeKind.Removed, subject, id, $"{ja}から{log.Purposes(removed).Ja}を除外。", $"{char.ToUpperInvariant(en[0])}{en[1..]} no longer serve {log.Purposes(removed).En}.");
        var added = ChangeLog.AddedTo(before, after);
        if (added.Count > 0)
            log.Add(ChangeKind.Changed, subject, id,
                $"{ja}に{log.Purposes(added).Ja}を追加。当初の目的を超えるため、本人の同意が必要です。",
                $"{char.ToUpperInvariant(en[0])}{en[1..]} will also serve {log.Purposes(added).En}: beyond the original purposes, so consent is needed.",
                AppiFlags.Consent);
    }

    private static string Mode(ConsentMode mode) => PolicyYamlConventions.EnumName(mode);
}
