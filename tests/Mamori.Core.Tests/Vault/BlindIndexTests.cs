using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class BlindIndexTests
{
    private static readonly DateOnly Birthdate = new(1980, 4, 1);
    private readonly BlindIndex index = new(NewRing());

    [Theory]
    [InlineData("Taro.Yamada@Example.JP", "taro.yamada@example.jp")]
    [InlineData("  taro.yamada@example.jp\t", "taro.yamada@example.jp")]
    [InlineData("\u3000ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ\u3000", "taro.yamada@example.jp")] // full-width, ideographic spaces
    public void Email_is_trimmed_NFKC_and_lower_cased(string typed, string normalised) =>
        Assert.Equal(normalised, BlindIndexNormalizer.Email(typed));

    [Theory]
    [InlineData("090-1234-5678", "09012345678")]
    [InlineData("０９０－１２３４－５６７８", "09012345678")]   // full-width digits and hyphens
    [InlineData("(03) 1234 5678", "0312345678")]
    [InlineData("+81 90-1234-5678", "09012345678")]          // international form of a Japanese mobile
    [InlineData("＋８１ ３ １２３４ ５６７８", "0312345678")]   // full-width plus
    [InlineData("+81 (0)3-1234-5678", "0312345678")]         // the "(0)" some people keep
    [InlineData("+1 212 555 0100", "12125550100")]           // other countries keep their code
    [InlineData("81-3-1234-5678", "81312345678")]            // no plus: not treated as international
    public void Phone_is_NFKC_digits_only_with_plus81_made_domestic(string typed, string normalised) =>
        Assert.Equal(normalised, BlindIndexNormalizer.Phone(typed));

    [Theory]
    [InlineData("山田 太郎", "山田太郎")]
    [InlineData("山田\u3000太郎", "山田太郎")]               // ideographic space
    [InlineData("ヤマダ タロウ", "やまだたろう")]              // katakana → hiragana
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "やまだたろう")]                 // half-width katakana, voiced mark composed
    [InlineData("やまだ　たろう", "やまだたろう")]
    [InlineData("ヴァン・デル・ヴェルフ", "ゔぁんでるゔぇるふ")] // middle dots removed
    [InlineData("Taro YAMADA", "taroyamada")]                // romaji case-folded
    [InlineData("ＹＡＭＡＤＡ　Ｔａｒｏ", "yamadataro")]      // full-width romaji
    [InlineData("ケ\u30F6ヽ", "けゖゝ")]                      // small ke and iteration mark fold too
    public void Names_lose_spaces_fold_katakana_and_case(string typed, string normalised) =>
        Assert.Equal(normalised, BlindIndexNormalizer.Name(typed));

    [Fact]
    public void Birthdate_is_iso() => Assert.Equal("1980-04-01", BlindIndexNormalizer.Birthdate(Birthdate));

    [Fact]
    public void Equivalent_spellings_share_one_index()
    {
        Assert.Equal(index.Email("taro.yamada@example.jp"), index.Email(" TARO.YAMADA@EXAMPLE.JP "));
        Assert.Equal(index.Phone("09012345678"), index.Phone("+81 90-1234-5678"));
        Assert.Equal(index.Phone("09012345678"), index.Phone("０９０（１２３４）５６７８"));
        Assert.Equal(index.NameAndBirthdate("やまだ たろう", Birthdate), index.NameAndBirthdate("ヤマダ\u3000タロウ", Birthdate));
        Assert.Equal(index.NameAndBirthdate("山田太郎", Birthdate), index.NameAndBirthdate("山田 太郎", Birthdate));
    }

    [Fact]
    public void Different_values_kinds_and_dates_get_different_indexes()
    {
        Assert.NotEqual(index.NameAndBirthdate("山田太郎", Birthdate), index.NameAndBirthdate("山田太郎", Birthdate.AddDays(1)));
        Assert.NotEqual(index.NameAndBirthdate("山田太郎", Birthdate), index.NameAndBirthdate("山田次郎", Birthdate));
        Assert.NotEqual(index.Name("0312345678"), index.Phone("0312345678"));       // per-kind keys
        Assert.NotEqual(index.Email("a@example.jp"), index.Name("a@example.jp"));
    }

    [Fact]
    public void Indexes_are_32_hex_characters_and_keyed_per_installation()
    {
        var here = index.Email("taro.yamada@example.jp");
        var elsewhere = new BlindIndex(NewRing()).Email("taro.yamada@example.jp");

        Assert.Matches("^[0-9a-f]{32}$", here);
        Assert.NotEqual(here, elsewhere);
    }

    /// <summary>Known answers, computed independently (Python: RFC 5869 HKDF + HMAC-SHA256) from a fixed root key.
    /// If this fails, stored indexes no longer match: bump the label version and plan a recompute.</summary>
    [Fact]
    public void Indexes_match_known_answers()
    {
        var fixedRing = new MasterKeyRing(
            [new MasterKey("k1", Clock.GetUtcNow(), new byte[32])], "k1", [.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
        var known = new BlindIndex(fixedRing);

        Assert.Equal("30fd1d95d4ca7420b2de2f9291ce9b95", known.Email("Taro.Yamada@Example.JP"));
        Assert.Equal("ff71ed6d639f4287b0f11ecf87001fc2", known.Phone("+81 90-1234-5678"));
        Assert.Equal("3f9c316e8e45ede54e9bdcb10e46895b", known.NameAndBirthdate("ヤマダ　タロウ", Birthdate));
    }

    [Fact]
    public void Long_values_beyond_the_stack_buffer_are_indexed()
    {
        var longName = new string('あ', 300);

        Assert.Equal(index.Name(longName), index.Name(new string('ア', 300)));
    }

    [Theory]
    [InlineData("phone", "---")]
    [InlineData("email", " \u3000 ")]
    [InlineData("name", "・ ・")]
    public void A_value_that_normalises_to_nothing_cannot_be_searched(string kind, string typed)
    {
        Action compute = kind switch
        {
            "phone" => () => index.Phone(typed),
            "email" => () => index.Email(typed),
            _ => () => index.Name(typed),
        };

        Assert.Equal(CryptoErrors.EmptyValue, Fails(compute).Code);
    }
}
