using System.Globalization;

namespace Mamori.Policy.Notice;

/// <summary>The policy's own numbering: ①②③ for items, (1)(2) for sub-sections and channels.</summary>
internal static class Numbering
{
    private const int LastCircled = 20;

    /// <summary>① for 1 up to ⑳ for 20; past that, (21).</summary>
    public static string Circled(int number) =>
        number is >= 1 and <= LastCircled
            ? ((char)('\u2460' + number - 1)).ToString()
            : "(" + number.ToString(CultureInfo.InvariantCulture) + ")";

    public static string Parenthesised(int number) => "(" + number.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>
    /// The part of a reference that numbers an item inside its parent: "2(1)" under "2" is "(1)";
    /// "4(1)⑨" under "4(1)" is "⑨". Falls back to <paramref name="fallback"/> when the reference
    /// is missing or does not start with the parent's.
    /// </summary>
    public static string Within(string? reference, string parent, string fallback)
    {
        if (string.IsNullOrWhiteSpace(reference) || !reference.StartsWith(parent, StringComparison.Ordinal))
        {
            return fallback;
        }

        var own = reference[parent.Length..].Trim();
        return own.Length == 0 ? fallback : own;
    }

    /// <summary>An HTML id built from a policy id: characters other than letters, digits, '-', '_' and '.' become '-'.</summary>
    public static string Anchor(string prefix, string id) =>
        prefix + "-" + string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
