namespace Mamori.Signals;

/// <summary>
/// One event as a site or app sends it: the nine kinds of informative data of §3(1) — device ID ①, user agent ②,
/// OS and connection ③, referrer ④, IP address ⑤, location ⑥, URL and time ⑦, counts ⑧, a server-log line ⑨ —
/// and the app's advertising identifier (§3(3)). Informative data: it identifies no one until linked to a person.
/// </summary>
/// <param name="DeviceId">The first-party random device ID (consent.js, the app); optional only for server logs.</param>
/// <param name="Type">One of <see cref="SignalTypes"/>.</param>
/// <param name="Count">How many of the thing happened (reservations, calls, views); 1 when not given.</param>
/// <param name="LimitAdTracking">The app's limit-ad-tracking flag; an ad ID is kept only when it is explicitly false.</param>
public sealed record SignalEvent(
    string? DeviceId,
    string? Type,
    DateTimeOffset? At,
    string? Url = null,
    string? Referrer = null,
    string? UserAgent = null,
    string? Os = null,
    string? Connection = null,
    string? Ip = null,
    SignalLocation? Location = null,
    int? Count = null,
    string? LogLine = null,
    string? AdId = null,
    bool? LimitAdTracking = null);

/// <summary>Latitude and longitude in degrees (WGS 84) and the accuracy radius in metres.</summary>
public sealed record SignalLocation(double? Lat, double? Lon, double? Accuracy = null);

/// <summary>What a site posts: its own ID for the batch (a retry sends the same) and the events.</summary>
public sealed record SignalBatchInput(string? BatchId, IReadOnlyList<SignalEvent?>? Events);

/// <summary>The bounds every batch is held to, so one caller cannot make Mamori hold or store much.</summary>
public static class SignalLimits
{
    public const int MaxEventsPerBatch = 1_000;
    /// <summary>A full batch of typical events is 300–600 KB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxBatchIdLength = 64;
    public const int MaxUrlLength = 2_048;
    public const int MaxUserAgentLength = 512;
    public const int MaxOsLength = 100;
    public const int MaxConnectionLength = 32;
    public const int MaxIpLength = 45;
    public const int MaxAdIdLength = 64;
    public const int MaxLogLineLength = 4_096;
    public const int MaxCount = 10_000;
    public const int MaxSiteLength = 200;
    /// <summary>Device clocks drift; an event more than this far in the future is refused.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);
}

/// <summary>The problem codes of the signals capability: one per rule, stable, asserted by the tests.</summary>
public static class SignalCodes
{
    public const string BatchIdMissing = "signals.batch_id_missing";
    public const string BatchIdInvalid = "signals.batch_id_invalid";
    public const string EventsMissing = "signals.events_missing";
    public const string BatchTooLarge = "signals.batch_too_large";
    public const string BodyInvalid = "signals.body_invalid";
    public const string EventInvalid = "signals.event_invalid";
    public const string StoreUnavailable = "signals.store_unavailable";

    public const string LinkDeviceIdInvalid = "link.device_id_invalid";
    public const string LinkPurposeUnknown = "link.purpose_unknown";
    public const string LinkedElsewhere = "link.device_linked_elsewhere";
    public const string LinkNotFound = "link.not_found";
    public const string LinkNotActive = "link.not_active";

    public const string AudienceSegmentInvalid = "audience.segment_invalid";
    public const string AudienceRecipientUnknown = "audience.recipient_unknown";
    public const string AudienceTooLarge = "audience.too_large";
}

/// <summary>One event of a batch breaks a rule: the problem names the event's index and the field, never its value.</summary>
public sealed class SignalEventInvalidException(int index, string field, string reason)
    : MamoriException(SignalCodes.EventInvalid, $"events[{index}].{field}: {reason}")
{
    public int Index { get; } = index;
    public string Field { get; } = field;
    /// <summary>What the field must be.</summary>
    public string Reason { get; } = reason;

    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["index"] = Index, ["field"] = Field };
}
