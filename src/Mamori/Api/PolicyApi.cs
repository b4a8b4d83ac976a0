using Mamori.Policy;

namespace Mamori.Host.Api;

/// <summary><c>GET /api/v1/policy</c>: the policy in force, as JSON, for sites, apps and integrators.</summary>
public static class PolicyApi
{
    public sealed record Text(string Ja, string En);
    public sealed record PurposeDto(string Id, string Ref, string? Parent, IReadOnlyList<string> SubjectKinds, IReadOnlyList<string> Categories,
        bool UsesAnalysis, bool IsProvision, Text Label);
    public sealed record CategoryDto(string Id, bool Sensitive, string Sensitivity, bool Informative, Text Label);
    public sealed record CookieCategoryDto(string Id, string Mode, Text Label);
    public sealed record ChannelDto(string Id, string Ref, Text Label);
    public sealed record RecipientDto(string Id, string Kind, Text Name, string Country);
    public sealed record SubjectKindDto(string Id, Text Label);
    public sealed record RequestKindDto(string Id, bool Fee, Text Label);
    public sealed record PolicyDto(string Version, string ContentHash, DateOnly Established, DateOnly EffectiveFrom,
        IReadOnlyList<SubjectKindDto> SubjectKinds, IReadOnlyList<PurposeDto> Purposes, IReadOnlyList<CategoryDto> DataCategories,
        IReadOnlyList<CookieCategoryDto> CookieCategories, IReadOnlyList<ChannelDto> Channels, IReadOnlyList<RecipientDto> Recipients,
        IReadOnlyList<RequestKindDto> RequestKinds, string NoticeUrl);

    public static void MapPolicyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/policy", (CurrentPolicy policy) => TypedResults.Ok(ToDto(policy)))
            .AllowAnonymous()
            .WithName("GetPolicy")
            .WithSummary("The privacy policy in force, as data (public).")
            .WithTags("Policy");
    }

    public static PolicyDto ToDto(CurrentPolicy current)
    {
        var p = current.Document;
        return new PolicyDto(
            p.Version, current.ContentHash, p.Established, p.EffectiveFrom,
            [.. p.SubjectKinds.Select(k => new SubjectKindDto(k.Id, T(k.Label)))],
            [.. p.Purposes.Select(u => new PurposeDto(u.Id, u.Ref, u.Parent, u.SubjectKinds, u.Categories, u.UsesAnalysis, u.IsProvision, T(u.Label)))],
            [.. p.DataCategories.Select(c => new CategoryDto(c.Id, c.Sensitive, Snake(c.Sensitivity), c.Informative, T(c.Label)))],
            [.. p.Cookies.Categories.Select(c => new CookieCategoryDto(c.Id, Snake(c.Mode), T(c.Label)))],
            [.. p.AcquisitionChannels.Select(c => new ChannelDto(c.Id, c.Ref, T(c.Label)))],
            [.. p.Recipients.Select(r => new RecipientDto(r.Id, r.Kind, T(r.Name), r.Country))],
            [.. p.Requests.Kinds.Select(k => new RequestKindDto(k.Id, k.Fee, T(k.Label)))],
            "/privacy");
    }

    private static Text T(LocalizedText t) => new(t.Ja, t.En);

    /// <summary>OptIn → opt_in, SpecialCare → special_care: the spelling the policy file uses.</summary>
    internal static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
