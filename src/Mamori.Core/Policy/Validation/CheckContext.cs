using System.Text.Json.Nodes;

namespace Mamori.Policy.Validation;

/// <summary>What every cross-reference check needs: the typed policy, its JSON and positions, the ids it
/// defines, and a place to report problems.</summary>
internal sealed class CheckContext(string file, PolicyDocument policy, ParsedPolicy parsed)
{
    private readonly List<PolicyProblem> problems = [];

    public PolicyDocument Policy => policy;

    public JsonNode? Json => parsed.Json;

    public PolicyIndex Ids { get; } = new(policy);

    public IReadOnlyList<PolicyProblem> Problems => problems;

    public SourcePosition PositionOf(JsonPath at) => parsed.Map.ValueAt(at);

    public void Report(JsonPath at, string code, string message)
    {
        var position = parsed.Map.ValueAt(at);
        problems.Add(new PolicyProblem(file, position.Line, position.Column, code, message));
    }

    /// <summary>Reports each entry of <paramref name="ids"/> (written at <paramref name="list"/>) that is not
    /// among <paramref name="known"/>, naming it as <paramref name="what"/> and suggesting a near spelling.</summary>
    public void RequireKnown(IReadOnlyList<string> ids, JsonPath list, IReadOnlyCollection<string> known, string code, string what)
    {
        for (var i = 0; i < ids.Count; i++)
            RequireKnown(ids[i], list / i, known, code, what);
    }

    public void RequireKnown(string id, JsonPath at, IReadOnlyCollection<string> known, string code, string what)
    {
        if (known.Contains(id))
            return;
        var closest = known.MinBy(k => EditDistance.Between(k, id));
        var hint = closest is not null && EditDistance.Between(closest, id) <= 2 ? $"; did you mean '{closest}'?" : "";
        Report(at, code, $"unknown {what} '{id}'{hint}");
    }
}

/// <summary>The ids the policy defines, by kind. With duplicates the first one counts (duplicates are reported apart).</summary>
internal sealed class PolicyIndex(PolicyDocument policy)
{
    private readonly Dictionary<string, Purpose> purposes = ById(policy.Purposes, p => p.Id);
    private readonly Dictionary<string, DataCategory> categories = ById(policy.DataCategories, c => c.Id);
    private readonly Dictionary<string, Recipient> recipients = ById(policy.Recipients, r => r.Id);

    public IReadOnlyDictionary<string, Purpose> Purposes => purposes;
    public IReadOnlyCollection<string> PurposeIds => purposes.Keys;
    public IReadOnlyDictionary<string, DataCategory> Categories => categories;
    public IReadOnlyCollection<string> CategoryIds => categories.Keys;
    public IReadOnlyDictionary<string, Recipient> Recipients => recipients;
    public IReadOnlyCollection<string> RecipientIds => recipients.Keys;
    public IReadOnlyCollection<string> SubjectKinds { get; } = policy.SubjectKinds.Select(k => k.Id).ToHashSet();
    public IReadOnlyCollection<string> InformativeKinds { get; } = policy.InformativeData.Kinds.Select(k => k.Id).ToHashSet();
    public IReadOnlyCollection<string> CookieCategories { get; } = policy.Cookies.Categories.Select(c => c.Id).ToHashSet();

    private static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id) =>
        items.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
