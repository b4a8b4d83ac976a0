using Mamori.Policy;

namespace Mamori.Consent;

/// <summary>
/// Writes the Kantara v1.1 receipt for what <see cref="ConsentLedger.RecordAsync"/> stored: the controller from
/// the policy's §1, the notice's version as the policy link, and one service per tag (or per use, outside the
/// cookies) for each category given, with the purposes, items and recipients the policy names for it.
/// </summary>
public sealed class ConsentReceipts(CurrentPolicy current, ConsentCatalog catalog)
{
    public const string Jurisdiction = "JP";

    private PolicyDocument Policy => current.Document;

    /// <param name="siteUrl">Mamori's public address (scheme and host) so the receipt's links work wherever it is kept.</param>
    public ConsentReceipt For(ConsentRecorded recorded, string language, string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var words = new PolicyWords(Policy, language);
        var query = words.Lang == "en" ? "?lang=en" : "";
        var site = siteUrl.TrimEnd('/');
        var givenIds = recorded.Rows.Where(r => r.Given).Select(r => r.Category).ToHashSet(StringComparer.Ordinal);
        var given = catalog.All.Where(c => givenIds.Contains(c.Id)).ToList();
        var sensitive = given.Any(c => c.Requirement == ConsentRequirement.Written);
        return new ConsentReceipt(
            ConsentReceipt.SpecVersion,
            Jurisdiction,
            recorded.At.ToUnixTimeSeconds(),
            recorded.GpcApplied && recorded.Method != ConsentMethods.Gpc ? $"{recorded.Method}+{ConsentMethods.Gpc}" : recorded.Method,
            recorded.ReceiptId.ToString("D"),
            words.Lang,
            recorded.State.Subject.Id,
            [Controller(words, site + "/privacy" + query)],
            $"{site}/privacy/versions/{Uri.EscapeDataString(current.Version)}{query}",
            [.. given.SelectMany(c => Services(c, words))],
            sensitive,
            sensitive ? SensitiveCategories(words) : []);
    }

    private ReceiptController Controller(PolicyWords words, string url)
    {
        var controller = Policy.Controller;
        return new ReceiptController(
            words.Say(controller.Name),
            OnBehalf: false,
            Contact: $"{words.Say(controller.PrivacyOfficer)} / {words.Say(controller.ContactWindow.Name)}",
            new ReceiptAddress(words.Say(controller.Address.Text), controller.Address.PostalCode, "JP"),
            Email: null,
            Phone: null,
            url);
    }

    private IEnumerable<ReceiptService> Services(ConsentCategory category, PolicyWords words)
    {
        if (category.IsCookie)
            return CookieServices(category, words);
        var label = words.Say(category.Label);
        var until = words.Lang == "en" ? "Until withdrawn" : "同意の撤回まで";
        ReceiptPurpose[] purposes = category.Id switch
        {
            ConsentCatalog.Location => [.. Purposes(category, Policy.Location.Purposes, [words.Item("location")], until, thirdParty: null, words)],
            ConsentCatalog.AdIdentifiers => [.. Purposes(category, Policy.DeviceIdentifiers.AdIdentifierPurposes,
                [.. Policy.DeviceIdentifiers.AdIdentifiers.Select(a => words.Say(a.Label))], until, thirdParty: null, words)],
            ConsentCatalog.Provision => [.. Purposes(category, Policy.ThirdParty.Purposes, ProvidedItems(words), until, Recipients(words), words)],
            ConsentCatalog.Art31Link => [.. Purposes(category, [.. Policy.Purposes.Where(p => p.IsProvision).Select(p => p.Id)],
                [.. Policy.InformativeData.Kinds.Select(k => words.Say(k.Label))], until, Recipients(words), words)],
            ConsentCatalog.Written => [.. Policy.SensitiveData.Grounds.Where(g => g.RequiresConsent).Select((g, i) =>
                new ReceiptPurpose(words.Say(g.Label), [label], ConsentType(category), SensitiveCategories(words), i == 0, until, false, null))],
            _ => [],
        };
        return [new ReceiptService(label, purposes)];
    }

    /// <summary>One service per tag of the cookie category: its purposes, the items it sends, who receives them, how long.</summary>
    private IEnumerable<ReceiptService> CookieServices(ConsentCategory category, PolicyWords words)
    {
        var tags = Policy.Cookies.Tags.Where(t => t.Category == category.Id).ToList();
        if (tags.Count == 0)
        {
            var description = Policy.Cookies.Categories.FirstOrDefault(c => c.Id == category.Id)?.Description;
            yield return new ReceiptService(words.Say(category.Label),
                [new ReceiptPurpose(words.Say(description), [words.Say(category.Label)], ConsentType(category), [], true, "", false, null)]);
            yield break;
        }
        foreach (var tag in tags)
        {
            var external = PolicyWords.IsExternal(tag);
            yield return new ReceiptService(words.Say(tag.Name), [.. Purposes(category, tag.Purposes, [.. tag.ItemsSent.Select(words.Item)],
                words.Say(tag.Retention), external ? words.Provider(tag) : null, words)]);
        }
    }

    private static IEnumerable<ReceiptPurpose> Purposes(ConsentCategory category, IReadOnlyList<string> purposeIds, IReadOnlyList<string> items,
        string termination, string? thirdParty, PolicyWords words) =>
        purposeIds.Select((id, i) => new ReceiptPurpose(words.Purpose(id), [words.Say(category.Label)], ConsentType(category), items,
            PrimaryPurpose: i == 0, termination, ThirdPartyDisclosure: thirdParty is not null, thirdParty));

    /// <summary>NECESSARY, OPT-OUT, or EXPLICIT for anything that needs an affirmative act (opt-in, explicit, written).</summary>
    private static string ConsentType(ConsentCategory category) => category.Requirement switch
    {
        ConsentRequirement.None => "NECESSARY",
        ConsentRequirement.OptOut => "OPT-OUT",
        _ => "EXPLICIT",
    };

    private string Recipients(PolicyWords words) =>
        string.Join(words.Lang == "en" ? ", " : "、",
            Policy.Recipients.Where(r => Policy.ThirdParty.RecipientKinds.Contains(r.Kind)).Select(r => words.Say(r.Name)));

    /// <summary>The non-sensitive data categories the provision purposes use: what may be handed over.</summary>
    private List<string> ProvidedItems(PolicyWords words)
    {
        var used = Policy.Purposes.Where(p => Policy.ThirdParty.Purposes.Contains(p.Id)).SelectMany(p => p.Categories).ToHashSet(StringComparer.Ordinal);
        return [.. Policy.DataCategories.Where(c => !c.Sensitive && used.Contains(c.Id)).Select(c => words.Say(c.Label))];
    }

    private List<string> SensitiveCategories(PolicyWords words) =>
        [.. Policy.DataCategories.Where(c => c.Sensitive).Select(c => words.Say(c.Label))];
}
