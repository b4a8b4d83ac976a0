using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Mamori.Policy.Validation;

/// <summary>
/// Evaluates the parsed policy against <see cref="PolicySchema"/> and says each failure in words a policy
/// editor understands, at the line and column of the YAML node the failure is about.
/// </summary>
internal sealed class SchemaProblems(string file, ParsedPolicy parsed)
{
    public static IReadOnlyList<PolicyProblem> Find(string file, ParsedPolicy parsed) => new SchemaProblems(file, parsed).Find();

    private IReadOnlyList<PolicyProblem> Find()
    {
        var results = PolicySchema.Evaluate(parsed.Json);
        if (results.IsValid)
            return [];
        var problems = new List<PolicyProblem>();
        foreach (var detail in results.Details)
        {
            if (!detail.HasErrors)
                continue;
            var at = new JsonPath(detail.InstanceLocation.ToString());
            var subschema = Resolve(PolicySchema.Node, detail.SchemaLocation) as JsonObject;
            var instance = Resolve(parsed.Json, detail.InstanceLocation);
            foreach (var (keyword, libraryMessage) in detail.Errors!)
                problems.AddRange(Describe(keyword, libraryMessage, at, subschema, instance, detail));
        }
        return [.. problems.Distinct()];
    }

    private IEnumerable<PolicyProblem> Describe(string keyword, string libraryMessage, JsonPath at, JsonObject? subschema, JsonNode? instance, EvaluationResults detail)
    {
        switch (keyword)
        {
            case "required":
                foreach (var key in MissingKeys(subschema, instance))
                    yield return AtValue(at, PolicyProblemCodes.SchemaRequired, $"missing required key '{key}' in {Where(at)}");
                break;
            // additionalProperties: false evaluates each extra key against the 'false' schema, which has no keyword.
            case "" when detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal):
                yield return AtKey(at, PolicyProblemCodes.SchemaUnknownKey, UnknownKey(at, detail));
                break;
            case "type":
                yield return AtValue(at, PolicyProblemCodes.SchemaType,
                    $"{Name(at)} should be {Expected(subschema?["type"])}, not {Actual(instance)}{QuoteHint(subschema?["type"], instance)}");
                break;
            case "enum":
                yield return AtValue(at, PolicyProblemCodes.SchemaEnum,
                    $"{Name(at)} is '{Text(instance)}'; use one of: {string.Join(", ", subschema?["enum"]?.AsArray().Select(v => v?.ToString()) ?? [])}");
                break;
            case "pattern" when at.LastSegment == "id":
                yield return AtValue(at, PolicyProblemCodes.SchemaPattern,
                    $"'{Text(instance)}' is not a valid id: use lower-case letters, digits and '_', with '.' between parts (e.g. contact.email)");
                break;
            case "minLength":
                yield return AtValue(at, PolicyProblemCodes.SchemaEmptyText, $"{Name(at)} must not be empty");
                break;
            case "format":
                yield return AtValue(at, PolicyProblemCodes.SchemaDate, $"{Name(at)} is '{Text(instance)}', not a date; write YYYY-MM-DD");
                break;
            case "minimum":
                yield return AtValue(at, PolicyProblemCodes.SchemaMinimum, $"{Name(at)} must be 0 or more");
                break;
            default:
                yield return AtValue(at, PolicyProblemCodes.SchemaOther, $"{Name(at)}: {libraryMessage}");
                break;
        }
    }

    private PolicyProblem AtValue(JsonPath at, string code, string message)
    {
        var position = parsed.Map.ValueAt(at);
        return new PolicyProblem(file, position.Line, position.Column, code, message);
    }

    private PolicyProblem AtKey(JsonPath at, string code, string message)
    {
        var position = parsed.Map.KeyAt(at);
        return new PolicyProblem(file, position.Line, position.Column, code, message);
    }

    private static IEnumerable<string> MissingKeys(JsonObject? subschema, JsonNode? instance) =>
        (subschema?["required"]?.AsArray() ?? [])
            .Select(k => k!.GetValue<string>())
            .Where(k => instance is JsonObject obj && !obj.ContainsKey(k));

    /// <summary>"unknown key 'titel'; did you mean 'title'?" — the allowed keys come from the enclosing object schema.</summary>
    private static string UnknownKey(JsonPath at, EvaluationResults detail)
    {
        var key = at.LastSegment;
        var objectSchema = Resolve(PolicySchema.Node, ParentOf(detail.SchemaLocation)) as JsonObject;
        var allowed = objectSchema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
        var closest = allowed.MinBy(a => EditDistance.Between(a, key));
        return closest is not null && EditDistance.Between(closest, key) <= 2
            ? $"unknown key '{key}'; did you mean '{closest}'?"
            : $"unknown key '{key}'" + (allowed.Count is > 0 and <= 12 ? $"; allowed here: {string.Join(", ", allowed)}" : "");
    }

    private static Uri ParentOf(Uri schemaLocation)
    {
        var fragment = schemaLocation.Fragment;
        var cut = fragment.LastIndexOf('/');
        return new Uri(schemaLocation, cut > 0 ? fragment[..cut] : "#");
    }

    private static JsonNode? Resolve(JsonNode? root, Uri schemaLocation) =>
        Resolve(root, JsonPointer.Parse(Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'))));

    private static JsonNode? Resolve(JsonNode? root, JsonPointer pointer) =>
        pointer.TryEvaluate(root, out var found) ? found : null;

    /// <summary>How a message names the node: the key, or the item of a list.</summary>
    private static string Name(JsonPath at)
    {
        var last = at.LastSegment;
        if (at.Pointer.Length == 0)
            return "the policy";
        return last.All(char.IsAsciiDigit)
            ? $"item {int.Parse(last, System.Globalization.CultureInfo.InvariantCulture) + 1} of '{at.Parent.LastSegment}'"
            : $"'{last}'";
    }

    private static string Where(JsonPath at) => at.LastSegment.All(char.IsAsciiDigit) ? Name(at) : $"'{at.Dotted}'";

    private static string Expected(JsonNode? type) => type switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => TypeWord(t!.GetValue<string>()))),
        JsonValue single => TypeWord(single.GetValue<string>()),
        _ => "something else",
    };

    private static string TypeWord(string type) => type switch
    {
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "object" => "a mapping of keys",
        "array" => "a list",
        "null" => "left empty",
        _ => type,
    };

    private static string Actual(JsonNode? instance) => instance switch
    {
        null => "empty",
        JsonObject => "a mapping",
        JsonArray => "a list",
        _ => instance.GetValueKind() switch
        {
            JsonValueKind.String => $"the text '{instance.GetValue<string>()}'",
            JsonValueKind.Number => $"the number {instance.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"{instance.ToJsonString()}",
            _ => instance.ToJsonString(),
        },
    };

    /// <summary>YAML reads 21004478 or true as a number or a boolean; text must then be quoted.</summary>
    private static string QuoteHint(JsonNode? expectedType, JsonNode? instance) =>
        expectedType?.ToJsonString().Contains("\"string\"", StringComparison.Ordinal) == true
        && instance is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? $" (write \"{value.ToJsonString()}\" in quotes to make it text)"
            : "";

    private static string Text(JsonNode? instance) =>
        instance is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : instance?.ToJsonString() ?? "";
}
