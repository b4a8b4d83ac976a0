using Mamori.Audit;
using Xunit;

namespace Mamori.Core.Tests.Audit;

public sealed class AuditEventTests
{
    [Fact]
    public void Categories_are_stored_distinct_and_sorted_reasons_distinct_in_their_order()
    {
        var entry = new AuditEvent("system", "person.read", "denied",
            Categories: ["contact.phone", "contact.name", "contact.phone"],
            Reasons: ["sensitive.no_ground", "category.unknown", "sensitive.no_ground"]).ToEntry();

        Assert.Equal("contact.name,contact.phone", entry.Categories);
        Assert.Equal(["contact.name", "contact.phone"], entry.CategoryList);
        Assert.Equal("sensitive.no_ground,category.unknown", entry.Reasons);
    }

    [Fact]
    public void Absent_and_empty_optional_fields_are_stored_alike()
    {
        var entry = new AuditEvent("system", "x.y", "success", Purpose: "", DeviceId: "", Categories: []).ToEntry();
        Assert.Null(entry.Purpose);
        Assert.Null(entry.DeviceId);
        Assert.Equal("", entry.Categories);
        Assert.Empty(entry.CategoryList);
    }

    private static readonly AuditEvent[] NotCodes =
    [
        new AuditEvent("yamada taro", "x.y", "success"),
        new AuditEvent("system", "x.y", "success", Purpose: "山田太郎"),
        new AuditEvent("system", "x.y", "success", DeviceId: "yamada@example.jp"),
        new AuditEvent("system", "x.y", "success", Categories: ["contact.name,contact.phone"]),
        new AuditEvent("system", "x.y", "success", Reasons: ["090-1234-5678 "]),
        new AuditEvent("system", "", "success"),
        new AuditEvent("system", "x.y", new string('a', AuditEntry.MaxCodeLength + 1)),
    ];

    public static TheoryData<int> NotCodeCases => [.. Enumerable.Range(0, NotCodes.Length)];

    [Theory]
    [MemberData(nameof(NotCodeCases))]
    public void Anything_but_codes_is_refused_without_repeating_the_value(int index)
    {
        var error = Assert.Throws<ArgumentException>(NotCodes[index].ToEntry);
        Assert.DoesNotContain("yamada", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("山田", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("090", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_are_named_by_id()
    {
        var id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        Assert.Equal("staff:3f2504e0-4f89-11d3-9a0c-0305e82c3301", AuditActors.Staff(id));
        Assert.Equal("key:3f2504e0-4f89-11d3-9a0c-0305e82c3301", AuditActors.ApiKey(id));
        Assert.Equal("cli:deploy", AuditActors.CommandLine("deploy"));
        Assert.Equal("cli", AuditActors.CommandLine("山田 太郎"));
    }
}
