using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;

namespace Mamori.Policy;

/// <summary>
/// The JSON Schema (draft 2020-12) of the policy YAML, generated from the C# model so the two cannot drift.
/// <c>policy/policy.schema.json</c> is a committed copy for editors; a test fails when it is stale.
/// </summary>
public static class PolicySchema
{
    public const string Id = "https://mamori.invalid/schemas/policy.schema.json";

    /// <summary>Lower-case words joined by '_', dotted into parts: <c>customer</c>, <c>contact.email</c>.</summary>
    public const string IdPattern = @"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$";

    private static readonly Lazy<JsonObject> SchemaNode = new(Build);
    private static readonly Lazy<JsonSchema> Compiled = new(() => JsonSchema.FromText(Generate()));

    /// <summary>The schema as indented JSON, ending in a newline: exactly the text of policy/policy.schema.json.</summary>
    public static string Generate() =>
        SchemaNode.Value.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep the pattern's '\' readable
        }) + "\n";

    internal static JsonNode Node => SchemaNode.Value;

    internal static EvaluationResults Evaluate(JsonNode? instance) =>
        Compiled.Value.Evaluate(instance, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,   // "date" is only an annotation unless asked
        });

    private static JsonObject Build()
    {
        var exported = PolicyJson.Options.GetJsonSchemaAsNode(typeof(PolicyDocument), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Tighten,
        });
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Mamori privacy policy",
            ["description"] = "Generated from Mamori.Policy.PolicyDocument by PolicySchema.Generate(); do not edit by hand.",
        };
        foreach (var (key, value) in exported.AsObject())
            schema[key] = value?.DeepClone();
        return schema;
    }

    /// <summary>
    /// The exporter describes what System.Text.Json would accept; a policy is stricter: every key the model
    /// does not mark nullable must be written, no other key may be, labels are never empty, ids follow one
    /// spelling and counts are not negative.
    /// </summary>
    private static JsonNode Tighten(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node)
            return schema;

        var type = context.TypeInfo;
        if (type.Kind == JsonTypeInfoKind.Object && node.ContainsKey("properties"))
        {
            var required = type.Properties.Where(p => !p.IsSetNullable).Select(p => (JsonNode?)p.Name).ToArray();
            if (required.Length > 0)
                node["required"] = new JsonArray(required);
            node["additionalProperties"] = false;
        }

        if (context.PropertyInfo is { } property)
        {
            if (property.Name == "id" && property.PropertyType == typeof(string))
                node["pattern"] = IdPattern;
            if (property.DeclaringType == typeof(LocalizedText))
                node["minLength"] = 1;
        }

        if (type.Type == typeof(int))
            node["minimum"] = 0;
        return node;
    }
}
