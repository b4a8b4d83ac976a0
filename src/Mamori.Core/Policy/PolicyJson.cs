using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mamori.Policy;

/// <summary>
/// The policy model seen as JSON with the same names as the YAML (camelCase keys, snake_case enums).
/// The schema is generated from this contract, and the diff compares sections through it.
/// </summary>
internal static class PolicyJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(DropDerivedProperties);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            RespectNullableAnnotations = true,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Get-only properties (e.g. <see cref="DataCategory.Sensitive"/>) are derived, so not written in YAML.</summary>
    private static void DropDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Set is null)
                type.Properties.RemoveAt(i);
        }
    }
}
