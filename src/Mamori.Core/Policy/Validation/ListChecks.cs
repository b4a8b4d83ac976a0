using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mamori.Policy.Validation;

/// <summary>
/// Checks that hold for every list in the policy, so they walk the JSON rather than name each list: an id
/// is defined once per list, a reference list names each thing once, and numbered items (① ② ③…) are
/// numbered 1, 2, 3… in the order written, as the notice prints them.
/// </summary>
internal static class ListChecks
{
    public static void Check(CheckContext c) => Walk(c, c.Json, JsonPath.Root);

    private static void Walk(CheckContext c, JsonNode? node, JsonPath at)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                    Walk(c, value, at / key);
                break;
            case JsonArray array:
                CheckIds(c, array, at);
                CheckStrings(c, array, at);
                CheckNumbers(c, array, at);
                for (var i = 0; i < array.Count; i++)
                    Walk(c, array[i], at / i);
                break;
        }
    }

    private static void CheckIds(CheckContext c, JsonArray list, JsonPath at)
    {
        var first = new Dictionary<string, JsonPath>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject item || StringOf(item["id"]) is not { } id)
                continue;
            if (first.TryGetValue(id, out var original))
                c.Report(at / i / "id", PolicyProblemCodes.IdDuplicate,
                    $"id '{id}' is already defined in {at.Dotted} (at {c.PositionOf(original)})");
            else
                first[id] = at / i / "id";
        }
    }

    private static void CheckStrings(CheckContext c, JsonArray list, JsonPath at)
    {
        var seen = new Dictionary<string, JsonPath>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (StringOf(list[i]) is not { } value)
                continue;
            if (seen.TryGetValue(value, out var original))
                c.Report(at / i, PolicyProblemCodes.ListDuplicate,
                    $"'{value}' is listed twice in {at.Dotted} (first at {c.PositionOf(original)})");
            else
                seen[value] = at / i;
        }
    }

    private static void CheckNumbers(CheckContext c, JsonArray list, JsonPath at)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject item || item["number"] is not JsonValue number || number.GetValueKind() != JsonValueKind.Number)
                continue;
            if (number.GetValue<long>() != i + 1)
                c.Report(at / i / "number", PolicyProblemCodes.NumberSequence,
                    $"item {i + 1} of {at.Dotted} is numbered {number.ToJsonString()}; number the items 1, 2, 3… in the order written");
        }
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
