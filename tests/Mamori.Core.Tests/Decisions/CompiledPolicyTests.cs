using Mamori.Decisions;
using Xunit;

namespace Mamori.Core.Tests.Decisions;

public sealed class CompiledPolicyTests
{
    private static readonly CompiledPolicy s_policy = RepositoryPolicy.Engine.Policy;

    [Fact]
    public void Ids_are_small_dense_and_round_trip()
    {
        Assert.Equal("2024-07-01", s_policy.Version);
        Assert.InRange(s_policy.CategoryCount, 40, CategorySet.Capacity);
        for (var id = 0; id < s_policy.CategoryCount; id++)
            Assert.Equal(id, s_policy.CategoryId(s_policy.CategoryName(id)));
        for (var id = 0; id < s_policy.PurposeCount; id++)
            Assert.Equal(id, s_policy.PurposeId(s_policy.PurposeName(id)));
    }

    [Fact]
    public void Device_is_a_subject_kind_after_the_person_kinds()
    {
        Assert.Equal(5, s_policy.SubjectKindCount);   // customer, applicant, business_contact, employee, device
        Assert.Equal(s_policy.DeviceKind, s_policy.SubjectKindId(CompiledPolicy.DeviceKindName));
        Assert.Equal("employee", s_policy.SubjectKindName(s_policy.DeviceKind - 1));
    }

    [Fact]
    public void Grounds_start_at_one_so_zero_means_none()
    {
        Assert.Equal(1, s_policy.SensitiveGroundId("law"));
        Assert.Equal(8, s_policy.SensitiveGroundId("public_information"));
    }

    [Fact]
    public void Unknown_names_resolve_to_unknown()
    {
        Assert.Equal(CompiledPolicy.Unknown, s_policy.PurposeId("nope"));
        Assert.Equal(CompiledPolicy.Unknown, s_policy.CategoryId("nope"));
        Assert.Equal(CompiledPolicy.Unknown, s_policy.SubjectKindId("nope"));
        Assert.Equal(CompiledPolicy.Unknown, s_policy.SensitiveGroundId("nope"));
        Assert.False(s_policy.TryGetCategories(["contact.name", "nope"], out var set));
        Assert.Equal(CategorySet.Of(s_policy.CategoryId("contact.name")), set);
    }

    [Fact]
    public void A_dangling_reference_fails_to_compile()
    {
        var document = RepositoryPolicy.Load();
        document.Purposes[0].Categories.Add("contact.shoe_size");
        var error = Assert.Throws<ArgumentException>(() => CompiledPolicy.Compile(document));
        Assert.Contains("contact.shoe_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_naming_its_own_device_kind_fails_to_compile()
    {
        var document = RepositoryPolicy.Load();
        document.SubjectKinds.Add(new Mamori.Policy.SubjectKind { Id = CompiledPolicy.DeviceKindName });
        Assert.Throws<ArgumentException>(() => CompiledPolicy.Compile(document));
    }
}

public sealed class CategorySetTests
{
    [Fact]
    public void Holds_ids_across_all_four_words()
    {
        var set = CategorySet.Of(0, 63, 64, 130, 255);
        Assert.Equal(5, set.Count);
        Assert.True(set.Contains(64));
        Assert.False(set.Contains(65));
        Assert.False(set.Contains(-1));
        Assert.False(set.Contains(CategorySet.Capacity));
        var ids = new List<int>();
        foreach (var id in set)
            ids.Add(id);
        Assert.Equal([0, 63, 64, 130, 255], ids);
    }

    [Fact]
    public void Set_operations_work_word_by_word()
    {
        var a = CategorySet.Of(1, 70, 200);
        var b = CategorySet.Of(70, 201);
        Assert.Equal(CategorySet.Of(70), a.Intersect(b));
        Assert.Equal(CategorySet.Of(1, 70, 200, 201), a.Union(b));
        Assert.Equal(CategorySet.Of(1, 200), a.Except(b));
        Assert.True(a.Overlaps(b));
        Assert.True(a.HasAnyOutside(b));
        Assert.False(CategorySet.Of(70).HasAnyOutside(b));
        Assert.True(CategorySet.Empty.IsEmpty);
    }

    [Fact]
    public void Ids_outside_the_capacity_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CategorySet.Empty.With(CategorySet.Capacity));
        Assert.Throws<ArgumentOutOfRangeException>(() => CategorySet.Empty.With(-1));
    }
}
