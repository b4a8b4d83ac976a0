using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mamori.Policy.Diff;

/// <summary>Collects the changes found by each comparer, with the lookups their sentences need.</summary>
internal sealed class ChangeLog(PolicyDocument old, PolicyDocument @new)
{
    private readonly List<PolicyChange> changes = [];

    public PolicyDocument Old => old;
    public PolicyDocument New => @new;
    public IReadOnlyList<PolicyChange> Changes => changes;

    public void Add(ChangeKind kind, ChangeSubject subject, string id, string ja, string en, AppiFlags flags = AppiFlags.None) =>
        changes.Add(new PolicyChange(kind, subject, id, Localized.Of(ja, en), flags));

    public bool HasChangeIn(ChangeSubject subject) => changes.Any(c => c.Subject == subject);

    /// <summary>Data categories by their labels, e.g. 「氏名、病歴」 / "Name, Medical history".</summary>
    public LocalizedText Categories(IEnumerable<string> ids) => Join(ids.Select(CategoryLabel));

    public LocalizedText Purposes(IEnumerable<string> ids) => Join(ids.Select(PurposeLabel));

    public LocalizedText Recipients(IEnumerable<string> ids) => Join(ids.Select(RecipientLabel));

    public LocalizedText CategoryLabel(string id) =>
        (@new.DataCategories.Find(c => c.Id == id) ?? old.DataCategories.Find(c => c.Id == id))?.Label ?? Localized.Of(id, id);

    public LocalizedText PurposeLabel(string id) =>
        (@new.Purposes.Find(p => p.Id == id) ?? old.Purposes.Find(p => p.Id == id))?.Label ?? Localized.Of(id, id);

    public LocalizedText RecipientLabel(string id) =>
        (@new.Recipients.Find(r => r.Id == id) ?? old.Recipients.Find(r => r.Id == id))?.Name ?? Localized.Of(id, id);

    private static LocalizedText Join(IEnumerable<LocalizedText> labels)
    {
        var list = labels.ToList();
        return Localized.Of($"「{string.Join("、", list.Select(l => l.Ja))}」", $"\"{string.Join("\", \"", list.Select(l => l.En))}\"");
    }

    /// <summary>Pairs two lists by id and calls back for each item added, removed or present in both.</summary>
    public static void Match<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> id,
        Action<T> added, Action<T> removed, Action<T, T> kept)
    {
        var old = before.GroupBy(id).ToDictionary(g => g.Key, g => g.First());
        var current = after.GroupBy(id).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in after.Where(i => !old.ContainsKey(id(i))))
            added(item);
        foreach (var item in before.Where(i => !current.ContainsKey(id(i))))
            removed(item);
        foreach (var item in after.Where(i => old.ContainsKey(id(i))))
            kept(old[id(item)], item);
    }

    /// <summary>Whether two parts of the policy say exactly the same, compared as their YAML-named JSON.</summary>
    public static bool SameJson<T>(T a, T b) => JsonNode.DeepEquals(ToJson(a), ToJson(b));

    public static JsonNode? ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, PolicyJson.Options);

    public static List<string> AddedTo(IEnumerable<string> before, IEnumerable<string> after) => after.Except(before).ToList();
}
