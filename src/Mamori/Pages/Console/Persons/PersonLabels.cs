using Mamori.Policy;

namespace Mamori.Host.Pages.Console.Persons;

/// <summary>
/// The policy's own words for the ids a person page shows (kinds, channels, categories, purposes, §8 grounds),
/// in the page's language. An id the policy in force no longer knows (an item acquired under an older version)
/// is shown as the id itself.
/// </summary>
public sealed class PersonLabels(PolicyDocument policy, string lang)
{
    public PolicyDocument Policy => policy;

    public string Kind(string id) => policy.SubjectKinds.FirstOrDefault(k => k.Id == id)?.Label.In(lang) ?? id;

    public string Channel(string id) => policy.AcquisitionChannels.FirstOrDefault(c => c.Id == id) is { } c ? $"{c.Ref} {c.Label.In(lang)}" : id;

    public string Category(string id) => policy.DataCategories.FirstOrDefault(c => c.Id == id)?.Label.In(lang) ?? id;
    public string LinkingPurpose(string id) => policy.InformativeData.LinkingPurposes.FirstOrDefault(p => p.Id == id)?.Label.In(lang) ?? id;

    public string Purpose(string id) => policy.Purposes.FirstOrDefault(p => p.Id == id) is { } p ? $"{p.Ref} {p.Label.In(lang)}" : id;

    /// <summary>Where a purpose stands in the policy (e.g. 4(1)①-1): a short name for long lists.</summary>
    public string PurposeRef(string id) => policy.Purposes.FirstOrDefault(p => p.Id == id)?.Ref ?? id;

    public string Ground(string id) => policy.SensitiveData.Grounds.FirstOrDefault(g => g.Id == id) is { } g ? $"{Circled(g.Number)} {g.Label.In(lang)}" : id;

    public bool IsSensitive(string category) => policy.DataCategories.Any(c => c.Id == category && c.Sensitive);

    /// <summary>The purposes stated for a subject kind, in the policy's order.</summary>
    public IReadOnlyList<Purpose> PurposesFor(string kind) => [.. policy.Purposes.Where(p => p.SubjectKinds.Contains(kind))];

    /// <summary>The categories a purpose may use, in the policy's order (none for an unknown purpose).</summary>
    public IReadOnlyList<string> CategoriesOf(string? purpose) => policy.Purposes.FirstOrDefault(p => p.Id == purpose)?.Categories ?? [];

    /// <summary>Categories that hold a person's own data (not informative device data), for the new-person form.</summary>
    public IReadOnlyList<DataCategory> PersonCategories => [.. policy.DataCategories.Where(c => !c.Informative)];

    private static string Circled(int number) => number is >= 1 and <= 20 ? ((char)('①' + number - 1)).ToString() : $"({number})";
}
