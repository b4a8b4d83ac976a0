namespace Mamori.Policy.Notice;

/// <summary>The notice's two languages: Japanese (the default and the authoritative text) and English.</summary>
public static class NoticeLanguage
{
    public const string Japanese = "ja";
    public const string English = "en";

    /// <summary>"en", "EN" or "en-US" mean English; anything else, including nothing, means Japanese.</summary>
    public static string Normalize(string? lang) =>
        lang is not null && (lang.Equals(English, StringComparison.OrdinalIgnoreCase)
            || lang.StartsWith(English + "-", StringComparison.OrdinalIgnoreCase))
            ? English
            : Japanese;

    public static string Other(string lang) => Normalize(lang) == English ? Japanese : English;
}
