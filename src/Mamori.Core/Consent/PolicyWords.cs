using Mamori.Policy;
using Mamori.Policy.Notice;

namespace Mamori.Consent;

/// <summary>The policy's names for what its ids refer to, in one language: what the banner and receipts say.</summary>
internal sealed class PolicyWords(PolicyDocument policy, string lang)
{
    private readonly PolicyLookup _lookup = new(policy);

    public string Lang { get; } = NoticeLanguage.Normalize(lang);

    public string Say(LocalizedText? text) => text?.In(Lang) ?? "";

    /// <summary>An item a tag records or sends: its §3(1) label, else its data category's label, else the id.</summary>
    public string Item(string id) =>
        _lookup.Kind(id) is { } kind ? Say(kind.Label) : _lookup.Category(id) is { } category ? Say(category.Label) : id;

    public string Purpose(string id) => _lookup.Purpose(id) is { } purpose ? Say(purpose.Label) : id;

    /// <summary>Who receives what a tag sends: the name on the tag, else its recipient entry, else us for a first-party tag.</summary>
    public string Provider(Tag tag) =>
        tag.ProviderName is { } named && !string.IsNullOrWhiteSpace(named.Ja) ? Say(named)
        : _lookup.Recipient(tag.Provider) is { } recipient ? Say(recipient.Name)
        : tag.Party == Party.First ? Say(policy.Controller.Name)
        : tag.Provider ?? "";

    /// <summary>Data leaving the device for someone other than us (外部送信), as the external-transmission list counts it.</summary>
    public static bool IsExternal(Tag tag) => TagBlocks.IsExternal(tag);
}
