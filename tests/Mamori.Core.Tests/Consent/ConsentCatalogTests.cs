using Mamori.Consent;
using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Consent;

public sealed class ConsentCatalogTests
{
    [Fact]
    public void The_cookie_categories_keep_the_policys_modes_and_the_fixed_categories_follow()
    {
        var catalog = ConsentCatalog.For(RepositoryPolicy.Load());

        Assert.Equal(["necessary", "analytics", "targeting", "location", "ad_identifiers", "provision", "art31_link", "written"],
            catalog.All.Select(c => c.Id));
        Assert.Equal(
            [ConsentRequirement.None, ConsentRequirement.OptOut, ConsentRequirement.OptOut, ConsentRequirement.OptIn, ConsentRequirement.OptIn,
             ConsentRequirement.Explicit, ConsentRequirement.Explicit, ConsentRequirement.Written],
            catalog.All.Select(c => c.Requirement));
        Assert.Equal(["necessary", "analytics", "targeting"], catalog.Cookies.Select(c => c.Id));
        Assert.Equal([true, true, true, false, false, false, false, false], catalog.All.Select(c => c.GivenByDefault));
        Assert.False(catalog.Find("written")!.ForDevices);
        Assert.False(catalog.Find("provision")!.ForDevices);
        Assert.True(catalog.Find("art31_link")!.ForDevices);
    }

    [Theory]
    [InlineData("Q2xhc3NpYzIyQ2hhcnNJZA", true)]                       // 16 bytes, base64url
    [InlineData("0f8fad5bd9cb469fa16570867728950e", true)]             // hex
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", true)]         // a UUID, as apps make them
    [InlineData("short", false)]
    [InlineData("has spaces in it, twenty-two+", false)]
    [InlineData("abc/def+ghi=jklmnopqrstuv", false)]                   // base64, not base64url
    [InlineData(null, false)]
    public void A_device_ID_is_a_random_token(string? id, bool valid)
    {
        Assert.Equal(valid, ConsentSubject.IsDeviceId(id));
        if (!valid)
            Assert.Equal(ConsentCodes.DeviceIdInvalid, Assert.Throws<MamoriException>(() => ConsentSubject.Device(id)).Code);
    }

    [Fact]
    public void A_change_of_cookie_mode_needs_new_consent_and_a_reworded_description_does_not()
    {
        var text = File.ReadAllText(RepositoryPolicy.Path);
        var current = Load(text, "2025-04-01", t => t.Replace("      mode: opt_out\n      label:\n        ja: ウェブサイトの利用状況",
            "      mode: opt_in\n      label:\n        ja: ウェブサイトの利用状況", StringComparison.Ordinal));
        var check = new ReconsentCheck(current);

        Assert.False(check.StillValid(Stored(text, "2024-07-01")));
        var reworded = Edit(text, "2025-01-01", t => t.Replace("閲覧ページや利用回数等を計測し、", "閲覧ページや利用回数等を計測して、", StringComparison.Ordinal));
        Assert.True(new ReconsentCheck(Load(reworded)).StillValid(Stored(text, "2024-07-01")));
        Assert.True(check.StillValid(Stored(current.Yaml, "2025-04-01")));
    }

    /// <summary>The real policy as a later version with one edit.</summary>
    private static string Edit(string text, string version, Func<string, string> edit)
    {
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return edited
            .Replace("version: \"2024-07-01\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", $"effectiveFrom: {version}", StringComparison.Ordinal);
    }

    private static CurrentPolicy Load(string text, string version, Func<string, string> edit) => Load(Edit(text, version, edit));

    private static CurrentPolicy Load(string text)
    {
        var loaded = PolicyLoader.Load("policy.yaml", text);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        return new CurrentPolicy(loaded.Document, text, loaded.ContentHash, "policy.yaml");
    }

    private static PolicyVersion Stored(string text, string version) =>
        new() { Version = version, Yaml = text, ContentHash = PolicyLoader.ContentHash(text) };
}
