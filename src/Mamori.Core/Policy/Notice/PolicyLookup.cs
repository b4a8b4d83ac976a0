namespace Mamori.Policy.Notice;

/// <summary>
/// Finds what the policy's ids refer to. Duplicates and dangling ids are the validator's business;
/// here the first entry wins and a missing one is simply not found, so rendering never throws.
/// </summary>
internal sealed class PolicyLookup(PolicyDocument policy)
{
    private readonly Dictionary<string, Purpose> purposes = ById(policy.Purposes, p => p.Id);
    private readonly Dictionary<string, DataCategory> categories = ById(policy.DataCategories, c => c.Id);
    private readonly Dictionary<string, Recipient> recipients = ById(policy.Recipients, r => r.Id);
    private readonly Dictionary<string, InformativeKind> kinds = ById(policy.InformativeData.Kinds, k => k.Id);
    private readonly Dictionary<string, CookieCategory> cookieCategories = ById(policy.Cookies.Categories, c => c.Id);

    public Purpose? Purpose(string id) => purposes.GetValueOrDefault(id);

    public DataCategory? Category(string id) => categories.GetValueOrDefault(id);

    public Recipient? Recipient(string? id) => id is null ? null : recipients.GetValueOrDefault(id);

    public InformativeKind? Kind(string id) => kinds.GetValueOrDefault(id);

    public CookieCategory? CookieCategory(string id) => cookieCategories.GetValueOrDefault(id);

    /// <summary>The purposes that use a data category, in policy order.</summary>
    public IEnumerable<Purpose> PurposesUsing(string categoryId) =>
        policy.Purposes.Where(p => p.Categories.Contains(categoryId));

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id) =>
        items.DistinctBy(id).ToDictionary(id, StringComparer.Ordinal);
}
