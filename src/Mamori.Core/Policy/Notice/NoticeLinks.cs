namespace Mamori.Policy.Notice;

/// <summary>
/// Where the public pages live, so the notice can link to them. The defaults are the paths fixed in
/// CONTRACT.md; a host serving them elsewhere passes its own.
/// </summary>
public sealed record NoticeLinks
{
    public static NoticeLinks Default { get; } = new();

    /// <summary>The notice itself; the other language is this path with <c>?lang=</c>.</summary>
    public string Notice { get; init; } = "/privacy";

    public string InquiryForm { get; init; } = "/privacy/inquiry";

    /// <summary>How to make a request (開示等の請求等).</summary>
    public string Requests { get; init; } = "/privacy/requests";

    /// <summary>Folder the request forms are downloaded from; a form's relative download path is resolved against it.</summary>
    public string Forms { get; init; } = "/privacy/requests/forms/";

    public string CookieSettings { get; init; } = "/privacy/cookies";

    public string ExternalTransmission { get; init; } = "/privacy/external-transmission";

    /// <summary>The list of co-solicitors (共同募集人一覧) referred to by §5.</summary>
    public string CoSolicitors { get; init; } = "/privacy/co-solicitors";

    public string EarlierVersions { get; init; } = "/privacy/versions";

    /// <summary>The notice in the given language: Japanese at the plain path, English with <c>?lang=en</c>.</summary>
    public string NoticeIn(string lang) =>
        NoticeLanguage.Normalize(lang) == NoticeLanguage.English ? Notice + "?lang=en" : Notice;

    /// <summary>A form's download address: absolute paths and URLs stand; a bare file name sits in <see cref="Forms"/>.</summary>
    public string Form(string downloadPath) =>
        downloadPath.StartsWith('/') || downloadPath.Contains("://", StringComparison.Ordinal)
            ? downloadPath
            : Forms.TrimEnd('/') + "/" + downloadPath;
}
