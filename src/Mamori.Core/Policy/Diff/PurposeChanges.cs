namespace Mamori.Policy.Diff;

/// <summary>
/// §4 purposes. A new purpose, or one that now covers more data, more people, analysis (※) or provision,
/// goes beyond the original purposes and needs the person's consent (Art. 18(1)). A use spelled out under
/// an existing purpose within its data, or a rewording that keeps the data, only needs notice (Art. 21(3)).
/// </summary>
internal static class PurposeChanges
{
    public static void Find(ChangeLog log) =>
        ChangeLog.Match(log.Old.Purposes, log.New.Purposes, p => p.Id,
            added => Added(log, added),
            removed => log.Add(ChangeKind.Removed, ChangeSubject.Purpose, removed.Id,
                $"利用目的「{removed.Label.Ja}」（{removed.Ref}）を削除。", $"Removed purpose \"{removed.Label.En}\" ({removed.Ref})."),
            (before, after) => Changed(log, before, after));

    private static void Added(ChangeLog log, Purpose purpose)
    {
        var sensitive = UsesSensitive(log.New, purpose.Categories) ? AppiFlags.Sensitive : AppiFlags.None;
        var provision = purpose.IsProvision ? AppiFlags.ProvisionConsent : AppiFlags.None;
        var parent = purpose.Parent is null ? null : log.Old.Purposes.Find(p => p.Id == purpose.Parent);
        if (parent is not null && !purpose.IsProvision && !ChangeLog.AddedTo(parent.Categories, purpose.Categories).Any()
            && !ChangeLog.AddedTo(parent.SubjectKinds, purpose.SubjectKinds).Any() && (parent.UsesAnalysis || !purpose.UsesAnalysis))
        {
            log.Add(ChangeKind.Added, ChangeSubject.Purpose, purpose.Id,
                $"利用目的「{parent.Label.Ja}」の範囲内の利用「{purpose.Label.Ja}」（{purpose.Ref}）を追加。変更後の利用目的を本人に通知又は公表します。",
                $"Added use \"{purpose.Label.En}\" ({purpose.Ref}) within purpose \"{parent.Label.En}\"; notify the person or publish the purposes.",
                AppiFlags.Notice);
            return;
        }
        log.Add(ChangeKind.Added, ChangeSubject.Purpose, purpose.Id,
            $"利用目的「{purpose.Label.Ja}」（{purpose.Ref}）を追加。当初の利用目的を超えるため、あらかじめ本人の同意が必要です。",
            $"Added purpose \"{purpose.Label.En}\" ({purpose.Ref}). It goes beyond the original purposes, so the person's prior consent is needed.",
            AppiFlags.Consent | provision | sensitive);
    }

    private static void Changed(ChangeLog log, Purpose before, Purpose after)
    {
        var newCategories = ChangeLog.AddedTo(before.Categories, after.Categories);
        var newSubjects = ChangeLog.AddedTo(before.SubjectKinds, after.SubjectKinds);
        var broadened = new List<LocalizedText>();
        if (newCategories.Count > 0)
            broadened.Add(Localized.Of($"対象データに{log.Categories(newCategories).Ja}を追加", $"now also uses {log.Categories(newCategories).En}"));
        if (newSubjects.Count > 0)
            broadened.Add(Localized.Of($"対象者に{string.Join("、", newSubjects)}を追加", $"now also covers {string.Join(", ", newSubjects)}"));
        if (after.UsesAnalysis && !before.UsesAnalysis)
            broadened.Add(Localized.Of("分析結果（※）の利用を追加", "now uses the results of analysis (※)"));
        if (after.IsProvision && !before.IsProvision)
            broadened.Add(Localized.Of("第三者への提供を追加", "now provides data to third parties"));

        if (broadened.Count > 0)
        {
            var flags = AppiFlags.Consent
                | (after.IsProvision && !before.IsProvision ? AppiFlags.ProvisionConsent : AppiFlags.None)
                | (UsesSensitive(log.New, newCategories) ? AppiFlags.Sensitive : AppiFlags.None);
            log.Add(ChangeKind.Changed, ChangeSubject.Purpose, after.Id,
                $"利用目的「{after.Label.Ja}」を拡大：{string.Join("、", broadened.Select(b => b.Ja))}。当初の利用目的を超えるため、本人の同意が必要です。",
                $"Broadened purpose \"{after.Label.En}\": {string.Join("; ", broadened.Select(b => b.En))}. This goes beyond the original purpose, so consent is needed.",
                flags);
            return;
        }

        if (before.Label.Ja != after.Label.Ja || before.Label.En != after.Label.En)
        {
            log.Add(ChangeKind.Changed, ChangeSubject.Purpose, after.Id,
                $"利用目的「{before.Label.Ja}」を「{after.Label.Ja}」に変更（対象データは変わりません）。本人に通知又は公表します。",
                $"Reworded purpose \"{before.Label.En}\" as \"{after.Label.En}\" (same data); notify the person or publish it.",
                AppiFlags.Notice);
            return;
        }

        var dropped = ChangeLog.AddedTo(after.Categories, before.Categories);
        if (dropped.Count > 0)
            log.Add(ChangeKind.Changed, ChangeSubject.Purpose, after.Id,
                $"利用目的「{after.Label.Ja}」の対象データから{log.Categories(dropped).Ja}を除外。",
                $"Purpose \"{after.Label.En}\" no longer uses {log.Categories(dropped).En}.");
        else if (before.Ref != after.Ref || before.Parent != after.Parent || !before.SubjectKinds.SequenceEqual(after.SubjectKinds)
                 || before.UsesAnalysis != after.UsesAnalysis || before.IsProvision != after.IsProvision || !before.Categories.SequenceEqual(after.Categories))
            log.Add(ChangeKind.Changed, ChangeSubject.Purpose, after.Id,
                $"利用目的「{after.Label.Ja}」の位置付け又は範囲を変更（{before.Ref} → {after.Ref}）。範囲は広がっていません。",
                $"Purpose \"{after.Label.En}\" was moved or narrowed ({before.Ref} → {after.Ref}); it covers nothing new.");
    }

    private static bool UsesSensitive(PolicyDocument policy, IEnumerable<string> categories) =>
        categories.Any(id => policy.DataCategories.Find(c => c.Id == id)?.Sensitive == true);
}
