using System.Collections.Frozen;
using Mamori.Policy;

namespace Mamori.Decisions;

/// <summary>
/// One policy version turned into lookup tables for <see cref="DecisionEngine"/>: purposes, categories,
/// subject kinds and §8 grounds get small integer ids, and what each rule needs becomes a bitset or a
/// flag per id. Callers resolve ids once (<see cref="PurposeId"/>, <see cref="CategoryId"/>, …) and
/// keep them for as long as they use this version. Immutable, so one instance serves every thread.
/// </summary>
public sealed class CompiledPolicy
{
    /// <summary>What the id lookups return for a name this version does not know.</summary>
    public const int Unknown = -1;

    /// <summary>The subject-kind name of an unlinked device (informative data, §3(1)).</summary>
    public const string DeviceKindName = "device";

    /// <summary>
    /// The category of advertising identifiers (IDFA, AAID). The policy model has no field naming it, so
    /// its id is fixed here; a policy without it simply has no ad-identifier rule to apply.
    /// </summary>
    public const string AdIdentifierCategory = "device.ad_id";

    /// <summary>The informative kind whose category is location (§3(1)⑥, governed by §3(4)).</summary>
    public const string LocationKind = "location";

    private readonly FrozenDictionary<string, int> _purposeIds;
    private readonly FrozenDictionary<string, int> _categoryIds;
    private readonly FrozenDictionary<string, int> _kindIds;
    private readonly FrozenDictionary<string, int> _groundIds;
    private readonly string[] _purposeNames;
    private readonly string[] _categoryNames;
    private readonly string[] _kindNames;

    private CompiledPolicy(PolicyDocument document)
    {
        Version = document.Version;

        _categoryNames = Names(document.DataCategories.Select(c => c.Id), "data category", CategorySet.Capacity);
        _categoryIds = IdsOf(_categoryNames);
        // The device goes last, after the person kinds, so it is one more bit in each purpose's kind mask.
        _kindNames = Names(document.SubjectKinds.Select(k => k.Id).Append(DeviceKindName), "subject kind", 32);
        _kindIds = IdsOf(_kindNames);
        DeviceKind = _kindNames.Length - 1;
        _purposeNames = Names(document.Purposes.Select(p => p.Id), "purpose", int.MaxValue);
        _purposeIds = IdsOf(_purposeNames);
        // Ground ids start at 1 so that 0, the default of SubjectState.SensitiveGround, means "none".
        _groundIds = IdsOf(Names(document.SensitiveData.Grounds.Select(g => g.Id), "§8 ground", int.MaxValue), first: 1);

        Known = CategorySet.FirstN(_categoryNames.Length);
        foreach (var category in document.DataCategories)
        {
            var id = _categoryIds[category.Id];
            if (category.Sensitive)
                Sensitive = Sensitive.With(id);
            if (category.Informative)
                Informative = Informative.With(id);
        }
        if (_categoryIds.TryGetValue(AdIdentifierCategory, out var adId))
            AdIdentifiers = CategorySet.Of(adId);
        foreach (var kind in document.InformativeData.Kinds)
        {
            if (kind.Id == LocationKind)
                Location = CategorySet.Of(Category(kind.Category, $"informative kind '{kind.Id}'"));
        }
        LocationConsentRequired = document.Location.ConsentRequired;

        var adPurposes = PurposeSet(document.DeviceIdentifiers.AdIdentifierPurposes, "deviceIdentifiers.adIdentifierPurposes");
        var locationPurposes = PurposeSet(document.Location.Purposes, "location.purposes");
        Purposes = new PurposeRow[_purposeNames.Length];
        foreach (var purpose in document.Purposes)
        {
            var where = $"purpose '{purpose.Id}'";
            var categories = CategorySet.Empty;
            foreach (var category in purpose.Categories)
                categories = categories.With(Category(category, where));
            var kinds = 0u;
            foreach (var kind in purpose.SubjectKinds)
                kinds |= 1u << Kind(kind, where);
            // A device can serve a purpose only through its informative data.
            if (categories.Overlaps(Informative))
                kinds |= 1u << DeviceKind;
            var id = _purposeIds[purpose.Id];
            Purposes[id] = new PurposeRow(
                categories,
                kinds,
                purpose.IsProvision,
                AdIdentifiers: adPurposes.Contains(id),
                Location: locationPurposes.Contains(id));
        }

        Grounds = new GroundRow[_groundIds.Count + 1];
        foreach (var ground in document.SensitiveData.Grounds)
            Grounds[_groundIds[ground.Id]] = new GroundRow(ground.RequiresConsent, ground.ProvisionWithoutWrittenConsent);
    }

    /// <summary>Compiles a policy that has passed validation; a dangling reference throws.</summary>
    public static CompiledPolicy Compile(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new CompiledPolicy(document);
    }

    /// <summary>The policy version these tables (and every id they issue) belong to.</summary>
    public string Version { get; }

    public int PurposeCount => _purposeNames.Length;
    public int CategoryCount => _categoryNames.Length;
    /// <summary>The person kinds plus the device.</summary>
    public int SubjectKindCount => _kindNames.Length;
    /// <summary>The subject-kind id of an unlinked device.</summary>
    public int DeviceKind { get; }

    public int PurposeId(string purpose) => Lookup(_purposeIds, purpose);
    public int CategoryId(string category) => Lookup(_categoryIds, category);
    public int SubjectKindId(string kind) => Lookup(_kindIds, kind);
    /// <summary>The id of a §8 ground for <see cref="SubjectState.SensitiveGround"/> (1 and up).</summary>
    public int SensitiveGroundId(string ground) => Lookup(_groundIds, ground);

    public string PurposeName(int id) => _purposeNames[id];
    public string CategoryName(int id) => _categoryNames[id];
    public string SubjectKindName(int id) => _kindNames[id];

    /// <summary>The set of the named categories; false if any name is unknown (the rest are still in the set).</summary>
    public bool TryGetCategories(IEnumerable<string> categories, out CategorySet set)
    {
        ArgumentNullException.ThrowIfNull(categories);
        set = CategorySet.Empty;
        var allKnown = true;
        foreach (var category in categories)
        {
            var id = CategoryId(category);
            if (id == Unknown)
                allKnown = false;
            else
                set = set.With(id);
        }
        return allKnown;
    }

    // The tables the rules read.
    internal PurposeRow[] Purposes { get; }
    internal GroundRow[] Grounds { get; }
    internal CategorySet Known { get; }
    internal CategorySet Sensitive { get; }
    internal CategorySet Informative { get; }
    internal CategorySet AdIdentifiers { get; }
    internal CategorySet Location { get; }
    internal bool LocationConsentRequired { get; }

    internal readonly record struct PurposeRow(CategorySet Categories, uint Kinds, bool IsProvision, bool AdIdentifiers, bool Location);

    internal readonly record struct GroundRow(bool RequiresConsent, bool ProvisionWithoutWrittenConsent);

    private int Category(string id, string where) =>
        _categoryIds.TryGetValue(id, out var found) ? found : throw Dangling(where, "data category", id);

    private int Kind(string id, string where) =>
        _kindIds.TryGetValue(id, out var found) && found != DeviceKind ? found : throw Dangling(where, "subject kind", id);

    private HashSet<int> PurposeSet(List<string> purposes, string where)
    {
        var set = new HashSet<int>();
        foreach (var purpose in purposes)
            set.Add(_purposeIds.TryGetValue(purpose, out var id) ? id : throw Dangling(where, "purpose", purpose));
        return set;
    }

    private static int Lookup(FrozenDictionary<string, int> ids, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ids.TryGetValue(name, out var id) ? id : Unknown;
    }

    private static string[] Names(IEnumerable<string> ids, string what, int limit)
    {
        var names = ids.ToArray();
        if (names.Length > limit)
            throw new ArgumentException($"The policy has {names.Length} {what} entries; at most {limit} can be compiled.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name))
                throw new ArgumentException($"The policy defines the {what} '{name}' twice.");
        }
        return names;
    }

    private static FrozenDictionary<string, int> IdsOf(string[] names, int first = 0)
    {
        var ids = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
            ids.Add(names[i], first + i);
        return ids.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ArgumentException Dangling(string where, string what, string id) =>
        new($"The policy's {where} names the {what} '{id}', which it does not define.");
}
