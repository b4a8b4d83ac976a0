using System.Globalization;
using System.Text;

namespace Mamori.Vault.Crypto;

/// <summary>
/// Turns a searchable value into the one canonical form its blind index is computed over, so that the ways people
/// type the same email, phone number or name in Japan all find the same person. Changing any rule here changes the
/// indexes: bump the version in <see cref="BlindIndex"/>'s key labels and recompute them.
/// </summary>
public static class BlindIndexNormalizer
{
    /// <summary>
    /// Email: NFKC (full-width ＠ and letters become ASCII), trim (after NFKC, so an ideographic space U+3000 is
    /// trimmed too), lower-case. Lower-casing the local part is technically lossy, but no real mailbox provider
    /// distinguishes case and people type it either way.
    /// </summary>
    public static string Email(string value) =>
        Required(value.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant(), "email");

    /// <summary>
    /// Phone: NFKC (full-width digits and ＋ become ASCII), then digits only. A number written internationally as
    /// Japanese (leading +81) becomes its domestic form with a leading 0, also when written "+81 (0)3 …". Other
    /// international numbers keep their country code as digits; no country code starts with 0, so they never
    /// collide with a domestic number.
    /// </summary>
    public static string Phone(string value)
    {
        var text = value.Normalize(NormalizationForm.FormKC).Trim();
        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
        }
        if (text.StartsWith('+') && digits.Length > 2 && digits[0] == '8' && digits[1] == '1')
        {
            digits.Remove(0, 2);
            if (digits[0] != '0')
                digits.Insert(0, '0');
        }
        return Required(digits.ToString(), "phone");
    }

    /// <summary>
    /// Name (kanji, kana or romaji): NFKC (half-width ｶﾀｶﾅ becomes full-width, full-width Ｌａｔｉｎ becomes ASCII);
    /// all whitespace removed (U+3000 ideographic space included) and the katakana middle dot ・ that separates
    /// given and family names in foreign names; katakana folded to hiragana so カタカナ and かたかな match; case-folded
    /// so TARO and Taro match. Kanji are left as written: variant forms (髙/高, 﨑/崎) do not match.
    /// </summary>
    public static string Name(string value)
    {
        var text = value.Normalize(NormalizationForm.FormKC);
        var name = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == KatakanaMiddleDot)
                continue;
            name.Append(KatakanaToHiragana(c));
        }
        return Required(name.ToString().ToLowerInvariant(), "name");
    }

    /// <summary>Birthdate: ISO 8601, yyyy-MM-dd (always 10 characters).</summary>
    public static string Birthdate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const char KatakanaMiddleDot = '\u30FB';

    // ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit exactly 0x60 above their hiragana.
    // ヷヸヹヺ have no single hiragana counterpart and stay as they are.
    private static char KatakanaToHiragana(char c) =>
        c is >= '\u30A1' and <= '\u30F6' or '\u30FD' or '\u30FE' ? (char)(c - 0x60) : c;

    private static string Required(string normalised, string kind) =>
        normalised.Length > 0
            ? normalised
            : throw new MamoriException(CryptoErrors.EmptyValue, $"The {kind} is empty once normalised, so it cannot be searched for.");
}
