using System.Text.Json.Nodes;
using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Policy;

public sealed class PolicySchemaTests
{
    private const string UpdateVariable = "MAMORI_UPDATE_SCHEMA";

    /// <summary>Editors read the committed schema; it must be what the model generates today.</summary>
    [Fact]
    public void Committed_schema_matches_the_model()
    {
        var path = Path.Combine(TestFiles.RepositoryRoot(), "policy", "policy.schema.json");
        var generated = PolicySchema.Generate();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            File.WriteAllText(path, generated);

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";

        Assert.True(committed == generated,
            "policy/policy.schema.json differs from what PolicyDocument generates. Regenerate it with\n" +
            $"  {UpdateVariable}=1 dotnet test tests/Mamori.Core.Tests --filter Committed_schema_matches_the_model\n" +
            "(or, once the CLI has it, `mamori policy schema > policy/policy.schema.json`) and commit the result.");
    }

    [Fact]
    public void Every_non_nullable_property_is_required_and_no_other_key_is_allowed()
    {
        var schema = JsonNode.Parse(PolicySchema.Generate())!;
        var purpose = schema["properties"]!["purposes"]!["items"]!;

        var required = purpose["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("categories", required);
        Assert.DoesNotContain("parent", required);   // string? Parent
        Assert.False(purpose["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Enums_are_snake_case_words_and_labels_need_both_languages()
    {
        var schema = JsonNode.Parse(PolicySchema.Generate())!;
        var category = schema["properties"]!["dataCategories"]!["items"]!;
        var title = schema["properties"]!["title"]!;

        Assert.Equal(["none", "special_care", "kibi"], category["properties"]!["sensitivity"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(PolicySchema.IdPattern, category["properties"]!["id"]!["pattern"]!.GetValue<string>());
        Assert.Equal(["ja", "en"], title["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, title["properties"]!["ja"]!["minLength"]!.GetValue<int>());
        Assert.Null(category["properties"]!["sensitive"]);   // derived, not written
    }
}
