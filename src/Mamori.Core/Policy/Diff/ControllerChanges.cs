namespace Mamori.Policy.Diff;

/// <summary>§1: the controller's name, address and representative must always be available to the persons
/// (Art. 32(1)(i)), so a change is published without delay.</summary>
internal static class ControllerChanges
{
    public static void Find(ChangeLog log)
    {
        var before = log.Old.Controller;
        var after = log.New.Controller;
        if (before.Name.Ja != after.Name.Ja || before.Name.En != after.Name.En)
            Add(log, "name", $"名称を「{before.Name.Ja}」から「{after.Name.Ja}」に変更", $"Name changes from \"{before.Name.En}\" to \"{after.Name.En}\"");
        if (before.Address.PostalCode != after.Address.PostalCode || before.Address.Text.Ja != after.Address.Text.Ja || before.Address.Text.En != after.Address.Text.En)
            Add(log, "address", $"住所を「{after.Address.Text.Ja}」に変更", $"Address changes to \"{after.Address.Text.En}\"");
        if (before.Representative.Name.Ja != after.Representative.Name.Ja || before.Representative.Title.Ja != after.Representative.Title.Ja)
            Add(log, "representative", $"代表者を「{after.Representative.Title.Ja} {after.Representative.Name.Ja}」に変更",
                $"Representative changes to \"{after.Representative.Title.En} {after.Representative.Name.En}\"");
    }

    private static void Add(ChangeLog log, string id, string ja, string en) =>
        log.Add(ChangeKind.Changed, ChangeSubject.Controller, id, $"{ja}。遅滞なく公表します。", $"{en}; publish it without delay.",
            AppiFlags.PublishWithoutDelay);
}
