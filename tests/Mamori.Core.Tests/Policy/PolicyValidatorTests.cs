using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Policy;

/// <summary>Each broken fixture, with every problem it must produce: exact line, column and code, nothing more.</summary>
public sealed class PolicyValidatorTests
{
    [Fact]
    public void Cross_reference_problems_are_found_where_they_are_written()
    {
        AssertProblems("TestData/broken/cross_references.yaml",
            "9:11 revision.order",
            "50:17 informative.category.unknown",
            "54:17 informative.category.not_informative",
            "68:15 number.sequence",
            "81:17 tag.category.unknown",
            "86:7 tag.provider.missing",
            "90:30 tag.item.unknown",
            "91:23 tag.purpose.unknown",
            "93:12 tag.dmp.not_used",
            "103:26 device.ad_purpose.not_device_purpose",
            "109:14 location.purpose.unknown",
            "120:5 subject_kind.unused",
            "130:32 purpose.category.unknown",
            "135:13 purpose.parent.subject_kinds",
            "143:13 purpose.parent.nested",
            "151:13 purpose.parent.unknown",
            "152:30 purpose.subject_kind.unknown",
            "168:32 list.duplicate",
            "194:9 id.duplicate",
            "201:35 third_party.recipient_kind.unknown",
            "202:14 third_party.purpose.unknown",
            "207:27 co_solicitation.item.unknown",
            "233:14 recipient.country.invalid",
            "235:5 recipient.address.missing",
            "240:11 recipient.kind.unknown",
            "254:35 joint_use.item.sensitive",
            "255:25 joint_use.user.unknown",
            "256:19 joint_use.purpose.not_customer",
            "257:21 joint_use.responsible_party.not_user",
            "261:26 outsourcing.contractor.kind",
            "278:107 sensitive.ground.written_consent",
            "283:5 request.kind.missing",
            "285:65 request.fee.not_allowed",
            "289:13 request.kind.unknown",
            "296:12 request.deadline",
            "345:18 storage.country.invalid",
            "357:13 service.kind.unknown");
    }

    [Fact]
    public void Schema_problems_point_at_the_value_the_key_or_the_mapping_missing_a_key()
    {
        AssertProblems("TestData/broken/schema.yaml",
            "4:14 schema.date",
            "12:10 schema.type",
            "29:20 schema.type",
            "69:13 schema.enum",
            "99:14 schema.type",
            "124:5 schema.required",      // the purpose mapping that lacks 'ref'
            "130:5 schema.required",      // the purpose mapping that lacks 'isProvision'
            "137:5 schema.unknown_key",   // the misspelt key itself
            "178:26 schema.empty_text",
            "276:12 schema.minimum",
            "303:9 schema.pattern",
            "308:25 schema.type",
            "331:1 schema.unknown_key");
    }

    [Theory]
    [InlineData("TestData/broken/syntax.yaml", "2:28 yaml.syntax")]
    [InlineData("TestData/broken/duplicate_key.yaml", "4:1 yaml.duplicate_key")]
    [InlineData("TestData/broken/empty.yaml", "1:1 yaml.empty")]
    [InlineData("TestData/broken/two_documents.yaml", "3:1 yaml.multiple_documents")]
    [InlineData("TestData/broken/tab_indent.yaml", "2:1 yaml.syntax")]
    public void Yaml_problems_stop_at_the_first(string file, string expected) => AssertProblems(file, expected);

    [Fact]
    public void Messages_say_what_is_wrong_and_how_to_fix_it()
    {
        var schema = Problems("TestData/broken/schema.yaml");
        var crossReferences = Problems("TestData/broken/cross_references.yaml");

        Assert.Contains("TestData/broken/schema.yaml:137:5: unknown key 'isProvison'; did you mean 'isProvision'? [schema.unknown_key]",
            schema.Select(p => p.ToString()));
        Assert.Contains("TestData/broken/schema.yaml:124:5: missing required key 'ref' in item 1 of 'purposes' [schema.required]",
            schema.Select(p => p.ToString()));
        Assert.Contains(schema, p => p.Message.Contains("write \"21004478\" in quotes", StringComparison.Ordinal));
        Assert.Contains(crossReferences, p => p.Message == "unknown data category 'contact.emial'; did you mean 'contact.email'?");
    }

    [Theory]
    [InlineData("established: 2005-04-01", "established: 2024-08-01", "4:16 date.effective_before_established",
        "6:11 revision.before_established", "8:11 revision.before_established")]
    [InlineData("  - date: 2024-07-01", "  - date: 2024-07-02", "8:11 revision.after_effective")]
    [InlineData("    country: JP\n    relationship", "    country: jp\n    relationship", "219:14 recipient.country.invalid")]
    [InlineData("  responsibleParty: group_parent", "  responsibleParty: group_paren", "240:21 joint_use.responsible_party.unknown")]
    [InlineData("  contractors: [hosting]", "  contractors: [hostin]", "244:17 outsourcing.contractor.unknown")]
    [InlineData("  adIdentifierPurposes: [ads]", "  adIdentifierPurposes: [ad]", "103:26 device.ad_purpose.unknown")]
    [InlineData("  purposes: [site_operation, ads]", "  purposes: [site_operation, ads, adds]", "102:35 device.purpose.unknown")]
    [InlineData("  items: [device.id, web.history]", "  items: [device.id, web.histories]", "237:22 joint_use.item.unknown")]
    [InlineData("  purposes: [ads, provision]", "  purposes: [ads, provisio]", "239:19 joint_use.purpose.unknown")]
    [InlineData("      provider: ad_network", "      provider: ad_netwerk", "88:17 tag.provider.unknown")]
    [InlineData("      itemsSent: [device_id, url_time]", "      itemsSent: []", "85:7 tag.disclosure.incomplete")]
    [InlineData("    representative:\n      title: { ja: 代表取締役, en: Representative Director }\n      name: { ja: 佐藤 花子, en: Hanako Sato }\n", "",
        "237:21 joint_use.responsible_party.incomplete")]
    [InlineData("    address:\n      postalCode: \"150-0001\"\n      text: { ja: 東京都渋谷区神宮前1-1-1, en: \"1-1-1 Jingumae, Shibuya-ku, Tokyo\" }\n", "",
        "210:5 recipient.address.missing")]
    public void One_change_to_the_valid_policy_gives_one_precise_problem(string find, string replace, params string[] expected)
    {
        var text = TestFiles.Read(SmallFixture);
        Assert.Contains(find, text, StringComparison.Ordinal);

        var problems = PolicyValidator.Validate(SmallFixture, text.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(expected, problems.Select(Short));
    }

    [Fact]
    public void The_valid_fixture_has_no_problem() => Assert.Empty(Problems(SmallFixture));

    [Fact]
    public void Problems_print_like_a_compiler()
    {
        var problem = new PolicyProblem("policy/policy.yaml", 12, 5, "schema.required", "missing required key 'ref'");

        Assert.Equal("policy/policy.yaml:12:5: missing required key 'ref' [schema.required]", problem.ToString());
    }

    private const string SmallFixture = "TestData/valid/small.yaml";

    private static IReadOnlyList<PolicyProblem> Problems(string file) => PolicyValidator.Validate(file, TestFiles.Read(file));

    private static string Short(PolicyProblem p) => $"{p.Line}:{p.Column} {p.Code}";

    private static void AssertProblems(string file, params string[] expected)
    {
        var problems = Problems(file);
        Assert.All(problems, p => Assert.Equal(file, p.File));
        Assert.Equal(expected, problems.Select(Short));
    }
}
