namespace Mamori.Policy.Diff;

/// <summary>
/// §6 joint use (Art. 27(5)(iii), (6)). Its purposes and responsible party may change after telling the
/// persons in advance; the items and the joint users generally cannot change (narrowing them can). A joint
/// use that begins is announced before it starts.
/// </summary>
internal static class JointUseChanges
{
    public static void Find(ChangeLog log)
    {
        var before = log.Old.JointUse;
        var after = log.New.JointUse;
        if (before.Users.Count == 0 && after.Users.Count > 0)
        {
            log.Add(ChangeKind.Added, ChangeSubject.JointUse, "joint_use",
                $"{log.Recipients(after.Users).Ja}との共同利用を開始。項目、共同利用者、目的及び管理責任者をあらかじめ本人に通知又は公表します。",
                $"Joint use with {log.Recipients(after.Users).En} begins: announce the items, users, purposes and responsible party beforehand.",
                AppiFlags.AdvanceNotice);
            return;
        }

        var newItems = ChangeLog.AddedTo(before.Items, after.Items);
        if (newItems.Count > 0)
            log.Add(ChangeKind.Added, ChangeSubject.JointUse, "items",
                $"共同利用する項目に{log.Categories(newItems).Ja}を追加。項目の追加は原則としてできず、本人の同意が必要です。",
                $"Jointly used items now include {log.Categories(newItems).En}: items generally cannot be added without the person's consent.",
                AppiFlags.ChangeNotAllowed);
        var newUsers = ChangeLog.AddedTo(before.Users, after.Users);
        if (newUsers.Count > 0)
            log.Add(ChangeKind.Added, ChangeSubject.JointUse, "users",
                $"共同利用者に{log.Recipients(newUsers).Ja}を追加。共同利用者の範囲の拡大は原則としてできず、本人の同意が必要です。",
                $"Joint users now include {log.Recipients(newUsers).En}: the users generally cannot be widened without the person's consent.",
                AppiFlags.ChangeNotAllowed);
        var droppedItems = ChangeLog.AddedTo(after.Items, before.Items);
        var droppedUsers = ChangeLog.AddedTo(after.Users, before.Users);
        if (droppedItems.Count > 0)
            log.Add(ChangeKind.Removed, ChangeSubject.JointUse, "items",
                $"共同利用する項目から{log.Categories(droppedItems).Ja}を除外。", $"Jointly used items no longer include {log.Categories(droppedItems).En}.");
        if (droppedUsers.Count > 0)
            log.Add(ChangeKind.Removed, ChangeSubject.JointUse, "users",
                $"共同利用者から{log.Recipients(droppedUsers).Ja}を除外。", $"Joint users no longer include {log.Recipients(droppedUsers).En}.");

        var purposesChanged = !before.Purposes.Order().SequenceEqual(after.Purposes.Order());
        if (purposesChanged)
            log.Add(ChangeKind.Changed, ChangeSubject.JointUse, "purposes",
                $"共同利用の目的を{log.Purposes(after.Purposes).Ja}に変更。あらかじめ本人に通知又は公表します。",
                $"Joint-use purposes become {log.Purposes(after.Purposes).En}: tell the persons or publish it in advance.",
                AppiFlags.AdvanceNotice);
        if (before.ResponsibleParty != after.ResponsibleParty)
            log.Add(ChangeKind.Changed, ChangeSubject.JointUse, "responsible_party",
                $"共同利用の管理責任者を{log.RecipientLabel(before.ResponsibleParty).Ja}から{log.RecipientLabel(after.ResponsibleParty).Ja}に変更。あらかじめ本人に通知又は公表します。",
                $"The joint-use responsible party changes from \"{log.RecipientLabel(before.ResponsibleParty).En}\" to \"{log.RecipientLabel(after.ResponsibleParty).En}\": tell the persons or publish it in advance.",
                AppiFlags.AdvanceNotice);
    }
}
