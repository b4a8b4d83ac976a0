using Mamori.Policy;

namespace Mamori.Consent;

/// <summary>What a use needs from the person before it may happen, strictest last.</summary>
public enum ConsentRequirement
{
    /// <summary>Needed for the service to work: always on, cannot be refused (necessary cookies).</summary>
    None,
    /// <summary>On until the person refuses (the seed's analytics and targeting cookies).</summary>
    OptOut,
    /// <summary>Off until the person agrees (location, advertising identifiers).</summary>
    OptIn,
    /// <summary>An express, specific agreement (third-party provision, Art. 31 linking by a recipient).</summary>
    Explicit,
    /// <summary>An agreement in writing (機微情報, policy §8 ⑦).</summary>
    Written,
}

/// <summary>One thing a person or device can agree to or refuse.</summary>
/// <param name="ForDevices">Whether a device (before any link to a person) may make this choice.</param>
/// <param name="IsCookie">A cookie category of the policy (shown by the banner and the cookie settings page).</param>
public sealed record ConsentCategory(string Id, ConsentRequirement Requirement, LocalizedText Label, bool ForDevices, bool IsCookie)
{
    /// <summary>What holds while nothing is on record: necessary and opt-out uses are on, the rest off.</summary>
    public bool GivenByDefault => Requirement is ConsentRequirement.None or ConsentRequirement.OptOut;
}

/// <summary>
/// The consent categories: the policy's cookie categories (§3(2)) with their modes, then the fixed ones the
/// policy's other sections need: location (§3(4)) and advertising identifiers (§3(3)) opt-in, third-party
/// provision (§5) and linking by a recipient (APPI Art. 31) explicit, and written consent for 機微 data (§8 ⑦).
/// </summary>
public sealed class ConsentCatalog
{
    public const string Necessary = "necessary";
    public const string Analytics = "analytics";
    /// <summary>The cookie category Global Privacy Control turns off (APPI.md §11: an opt-out of targeting, sale and sharing).</summary>
    public const string Targeting = "targeting";
    public const string Location = "location";
    public const string AdIdentifiers = "ad_identifiers";
    public const string Provision = "provision";
    public const string Art31Link = "art31_link";
    public const string Written = "written";

    private readonly Dictionary<string, ConsentCategory> _byId;

    private ConsentCatalog(IReadOnlyList<ConsentCategory> all)
    {
        All = all;
        _byId = all.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<ConsentCategory> All { get; }

    public IEnumerable<ConsentCategory> Cookies => All.Where(c => c.IsCookie);

    public ConsentCategory? Find(string id) => _byId.GetValueOrDefault(id);

    public static ConsentCatalog For(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var cookies = policy.Cookies.Categories.Select(c => new ConsentCategory(c.Id, Requirement(c.Mode), c.Label, ForDevices: true, IsCookie: true));
        ConsentCategory[] fixedOnes =
        [
            new(Location, policy.Location.ConsentRequired ? ConsentRequirement.OptIn : ConsentRequirement.OptOut,
                Text("位置情報の取得", "Collection of location information"), ForDevices: true, IsCookie: false),
            new(AdIdentifiers, ConsentRequirement.OptIn,
                Text("広告識別子（IDFA・AAID等）による広告配信の最適化", "Ad optimisation with advertising identifiers (IDFA, AAID and the like)"), ForDevices: true, IsCookie: false),
            new(Provision, ConsentRequirement.Explicit,
                Text("個人情報の第三者提供", "Provision of personal information to third parties"), ForDevices: false, IsCookie: false),
            new(Art31Link, ConsentRequirement.Explicit,
                Text("提供先における個人関連情報と個人データとの照合", "Linking of personal-related information with personal data by a recipient"), ForDevices: true, IsCookie: false),
            new(Written, ConsentRequirement.Written,
                Text("機微情報の取得・利用・提供（書面による同意）", "Obtaining, using and providing sensitive information (written consent)"), ForDevices: false, IsCookie: false),
        ];
        return new ConsentCatalog([.. cookies, .. fixedOnes.Where(f => !policy.Cookies.Categories.Any(c => c.Id == f.Id))]);
    }

    private static ConsentRequirement Requirement(ConsentMode mode) => mode switch
    {
        ConsentMode.Necessary => ConsentRequirement.None,
        ConsentMode.OptOut => ConsentRequirement.OptOut,
        _ => ConsentRequirement.OptIn,
    };

    private static LocalizedText Text(string ja, string en) => new() { Ja = ja, En = en };
}

/// <summary>How a choice was made. Public callers (the banner, the settings page, the app) speak only for a device.</summary>
public static class ConsentMethods
{
    public const string Banner = "banner";
    public const string SettingsPage = "settings_page";
    public const string App = "app";
    /// <summary>Global Privacy Control (<c>Sec-GPC: 1</c> or <c>navigator.globalPrivacyControl</c>): only ever a refusal.</summary>
    public const string Gpc = "gpc";
    /// <summary>Recorded by an agency system or staff through the API (e.g. consent taken on the phone).</summary>
    public const string Api = "api";
    /// <summary>A signed form, referred to by <see cref="ConsentRecord.Reference"/>.</summary>
    public const string Written = "written";

    public static readonly IReadOnlyList<string> Public = [Banner, SettingsPage, App, Gpc];

    public static readonly IReadOnlyList<string> All = [.. Public, Api, Written];
}
