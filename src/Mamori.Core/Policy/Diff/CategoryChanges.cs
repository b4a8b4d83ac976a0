namespace Mamori.Policy.Diff;

/// <summary>Data categories. Taking in sensitive data, or a category becoming sensitive, needs prior consent
/// and rules out opt-out provision (Arts. 20(2), 27(2)); 機微 data is further limited to the §8 grounds.</summary>
internal static class CategoryChanges
{
    public static void Find(ChangeLog log) =>
        ChangeLog.Match(log.Old.DataCategories, log.New.DataCategories, c => c.Id,
            added => log.Add(ChangeKind.Added, ChangeSubject.DataCategory, added.Id,
                $"データ項目「{added.Label.Ja}」を追加{(added.Sensitive ? "（要配慮・機微情報）。取得には本人の同意が必要です" : "")}。",
                $"Added data category \"{added.Label.En}\"{(added.Sensitive ? " (sensitive); acquiring it needs the person's consent" : "")}.",
                added.Sensitive ? AppiFlags.Sensitive : AppiFlags.None),
            removed => log.Add(ChangeKind.Removed, ChangeSubject.DataCategory, removed.Id,
                $"データ項目「{removed.Label.Ja}」を削除。", $"Removed data category \"{removed.Label.En}\"."),
            (before, after) => Changed(log, before, after));

    private static void Changed(ChangeLog log, DataCategory before, DataCategory after)
    {
        if (Rank(after.Sensitivity) > Rank(before.Sensitivity))
            log.Add(ChangeKind.Changed, ChangeSubject.DataCategory, after.Id,
                $"データ項目「{after.Label.Ja}」を{Word(before.Sensitivity).Ja}から{Word(after.Sensitivity).Ja}に変更。取得・提供には本人の同意が必要で、オプトアウトによる提供はできません。",
                $"Data category \"{after.Label.En}\" changed from {Word(before.Sensitivity).En} to {Word(after.Sensitivity).En}: acquiring and providing it needs consent, and opt-out provision is no longer possible.",
                AppiFlags.Sensitive);
        else if (before.Sensitivity != after.Sensitivity || before.Informative != after.Informative
                 || before.Label.Ja != after.Label.Ja || before.Label.En != after.Label.En)
            log.Add(ChangeKind.Changed, ChangeSubject.DataCategory, after.Id,
                $"データ項目「{before.Label.Ja}」の記載を変更（{Word(after.Sensitivity).Ja}）。",
                $"Data category \"{before.Label.En}\" was redescribed ({Word(after.Sensitivity).En}).");
    }

    /// <summary>要配慮 (special care) is always also 機微, so it is the strictest.</summary>
    private static int Rank(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.None => 0,
        Sensitivity.Kibi => 1,
        _ => 2,
    };

    private static LocalizedText Word(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.None => Localized.Of("通常の個人情報", "ordinary data"),
        Sensitivity.Kibi => Localized.Of("機微情報", "機微 (sensitive) data"),
        _ => Localized.Of("要配慮個人情報", "要配慮 (special-care) data"),
    };
}
