namespace Mamori.Policy.Diff;

/// <summary>
/// §5 third-party provision and the recipients. A new kind of recipient, a new provision purpose or new
/// co-solicitation items is a new provision: consent, or an opt-out notice (Art. 27). A recipient abroad
/// outside Japan, the EU and the UK needs consent to cross-border provision (Art. 28). A contractor is
/// outsourcing, not provision (Art. 27(5)(i)).
/// </summary>
internal static class ProvisionChanges
{
    /// <summary>Japan, and the countries whose regime the PPC recognises as equivalent (the EU/EEA and the UK).
    /// "unknown" stands for a class of recipients: consent is then asked when an actual provision abroad is made.</summary>
    private static readonly HashSet<string> NoCrossBorderConsent =
    [
        "JP", "GB", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "unknown",
    ];

    public static void Find(ChangeLog log)
    {
        ChangeLog.Match(log.Old.Recipients, log.New.Recipients, r => r.Id,
            added => Added(log, added),
            removed => log.Add(ChangeKind.Removed, ChangeSubject.Recipient, removed.Id,
                $"提供先「{removed.Name.Ja}」を削除。", $"Removed recipient \"{removed.Name.En}\"."),
            (before, after) => Changed(log, before, after));

        var oldThirdParty = log.Old.ThirdParty;
        var newThirdParty = log.New.ThirdParty;
        var newKinds = ChangeLog.AddedTo(oldThirdParty.RecipientKinds, newThirdParty.RecipientKinds);
        if (newKinds.Count > 0)
            log.Add(ChangeKind.Added, ChangeSubject.ThirdPartyProvision, string.Join(",", newKinds),
                $"第三者提供の提供先の区分に{string.Join("、", newKinds)}を追加。本人の同意又はオプトアウトの手続が必要です。",
                $"Data will also be provided to {string.Join(", ", newKinds)}: this needs consent or an opt-out notice.",
                AppiFlags.ProvisionConsent);
        var newPurposes = ChangeLog.AddedTo(oldThirdParty.Purposes, newThirdParty.Purposes);
        if (newPurposes.Count > 0)
            log.Add(ChangeKind.Added, ChangeSubject.ThirdPartyProvision, string.Join(",", newPurposes),
                $"第三者提供の目的に{log.Purposes(newPurposes).Ja}を追加。本人の同意又はオプトアウトの手続が必要です。",
                $"Data will also be provided for {log.Purposes(newPurposes).En}: this needs consent or an opt-out notice.",
                AppiFlags.ProvisionConsent);
        var dropped = ChangeLog.AddedTo(newThirdParty.RecipientKinds, oldThirdParty.RecipientKinds)
            .Concat(ChangeLog.AddedTo(newThirdParty.Purposes, oldThirdParty.Purposes)).ToList();
        if (dropped.Count > 0)
            log.Add(ChangeKind.Removed, ChangeSubject.ThirdPartyProvision, string.Join(",", dropped),
                $"第三者提供の提供先の区分又は目的から{string.Join("、", dropped)}を除外。", $"Provision no longer covers {string.Join(", ", dropped)}.");
        var droppedItems = ChangeLog.AddedTo(newThirdParty.CoSolicitation.Items, oldThirdParty.CoSolicitation.Items);
        if (droppedItems.Count > 0)
            log.Add(ChangeKind.Removed, ChangeSubject.CoSolicitation, string.Join(",", droppedItems),
                $"共同募集人に提供する項目から{log.Categories(droppedItems).Ja}を除外。", $"Co-solicitors no longer receive {log.Categories(droppedItems).En}.");
        var newItems = ChangeLog.AddedTo(oldThirdParty.CoSolicitation.Items, newThirdParty.CoSolicitation.Items);
        if (newItems.Count > 0)
            log.Add(ChangeKind.Added, ChangeSubject.CoSolicitation, string.Join(",", newItems),
                $"共同募集人に提供する項目に{log.Categories(newItems).Ja}を追加。本人の同意が必要です。",
                $"Co-solicitors will also receive {log.Categories(newItems).En}: this needs the person's consent.",
                AppiFlags.ProvisionConsent);
    }

    private static void Added(ChangeLog log, Recipient recipient)
    {
        // Art. 28 covers contractors and joint users abroad too: the Art. 27(5) exceptions stop at the border.
        var abroad = Abroad(recipient);
        log.Add(ChangeKind.Added, ChangeSubject.Recipient, recipient.Id,
            $"提供先「{recipient.Name.Ja}」（{recipient.Kind}、{recipient.Country}）を追加" + (abroad ? "。外国にある第三者への提供には本人の同意が必要です。" : "。"),
            $"Added recipient \"{recipient.Name.En}\" ({recipient.Kind}, {recipient.Country})" + (abroad ? "; providing data abroad needs the person's consent (Art. 28)." : "."),
            abroad ? AppiFlags.ProvisionConsent : AppiFlags.None);
    }

    private static void Changed(ChangeLog log, Recipient before, Recipient after)
    {
        var identity = before.Name.Ja != after.Name.Ja || before.Name.En != after.Name.En
            || !SameAddress(before.Address, after.Address) || !SamePerson(before.Representative, after.Representative);
        var movedAbroad = Abroad(after) && !Abroad(before);
        var responsible = log.New.JointUse.ResponsibleParty == after.Id && log.Old.JointUse.ResponsibleParty == after.Id;

        if (movedAbroad)
            log.Add(ChangeKind.Changed, ChangeSubject.Recipient, after.Id,
                $"提供先「{after.Name.Ja}」の所在国を{before.Country}から{after.Country}に変更。外国にある第三者への提供には本人の同意が必要です。",
                $"Recipient \"{after.Name.En}\" moved from {before.Country} to {after.Country}; providing data abroad needs the person's consent (Art. 28).",
                AppiFlags.ProvisionConsent);
        if (identity)
            log.Add(ChangeKind.Changed, ChangeSubject.Recipient, after.Id,
                $"「{before.Name.Ja}」の名称、住所又は代表者を変更" + (responsible ? "。共同利用の管理責任者のため、遅滞なく本人に通知又は公表します。" : "。"),
                $"Name, address or representative of \"{before.Name.En}\" changed" + (responsible ? "; as the joint-use responsible party, tell the persons or publish it without delay." : "."),
                responsible ? AppiFlags.PublishWithoutDelay : AppiFlags.None);
        else if (!movedAbroad && !ChangeLog.SameJson(before, after))
            log.Add(ChangeKind.Changed, ChangeSubject.Recipient, after.Id,
                $"提供先「{after.Name.Ja}」の記載を変更。", $"Recipient \"{after.Name.En}\" was redescribed.");
    }

    private static bool Abroad(Recipient recipient) => !NoCrossBorderConsent.Contains(recipient.Country);

    private static bool SameAddress(PostalAddress? a, PostalAddress? b) =>
        a?.PostalCode == b?.PostalCode && a?.Text.Ja == b?.Text.Ja && a?.Text.En == b?.Text.En;

    private static bool SamePerson(Person? a, Person? b) =>
        a?.Name.Ja == b?.Name.Ja && a?.Name.En == b?.Name.En && a?.Title.Ja == b?.Title.Ja;
}
