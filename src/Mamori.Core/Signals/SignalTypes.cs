using System.Collections.Frozen;
using Mamori.Consent;

namespace Mamori.Signals;

/// <summary>What a kind of event is, for the consent gate and for purpose decisions.</summary>
/// <param name="Id">As sites and apps send it, e.g. <c>page_view</c>.</param>
/// <param name="ConsentCategory">The cookie category (§3(2)) the device must not have refused for the event to be kept.</param>
/// <param name="DataCategory">The §3(1) data category the event itself is (its type, time and count).</param>
public sealed record SignalType(string Id, string ConsentCategory, string DataCategory);

/// <summary>
/// The one table from event type to consent category and data category. Measuring how the site is used is
/// analytics (§3(2)②); events that exist only to target advertising are targeting (§3(2)③); server logs are
/// kept to run and secure the service whatever the cookie choices (§3(2)①, §3(1)⑨).
/// </summary>
public static class SignalTypes
{
    public const string PageView = "page_view";
    public const string Reservation = "reservation";
    public const string Call = "call";
    public const string AppOpen = "app_open";
    public const string ServerLog = "server_log";
    public const string AdImpression = "ad_impression";
    public const string AdClick = "ad_click";
    public const string Conversion = "conversion";

    public static readonly IReadOnlyList<SignalType> All =
    [
        new(PageView, ConsentCatalog.Analytics, SignalCategories.BrowsingHistory),
        new(Reservation, ConsentCatalog.Analytics, SignalCategories.UsageCounts),
        new(Call, ConsentCatalog.Analytics, SignalCategories.UsageCounts),
        new(AppOpen, ConsentCatalog.Analytics, SignalCategories.UsageCounts),
        new(ServerLog, ConsentCatalog.Necessary, SignalCategories.ServerLog),
        new(AdImpression, ConsentCatalog.Targeting, SignalCategories.BrowsingHistory),
        new(AdClick, ConsentCatalog.Targeting, SignalCategories.BrowsingHistory),
        new(Conversion, ConsentCatalog.Targeting, SignalCategories.UsageCounts),
    ];

    private static readonly FrozenDictionary<string, SignalType> ById = All.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    public static SignalType? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);
}

/// <summary>The policy's data categories of §3(1) that a stored signal's fields fall under (see <c>policy.yaml</c> informativeData.kinds).</summary>
public static class SignalCategories
{
    public const string DeviceId = "device.id";
    public const string UserAgent = "device.user_agent";
    public const string OsConnection = "device.os_connection";
    public const string Referrer = "web.referrer";
    public const string IpAddress = "net.ip_address";
    public const string Location = "device.location";
    public const string BrowsingHistory = "web.browsing_history";
    public const string UsageCounts = "web.usage_counts";
    public const string ServerLog = "server.log";
    public const string AdId = Decisions.CompiledPolicy.AdIdentifierCategory;

    public static readonly IReadOnlyList<string> All =
        [DeviceId, UserAgent, OsConnection, Referrer, IpAddress, Location, BrowsingHistory, UsageCounts, ServerLog, AdId];
}
