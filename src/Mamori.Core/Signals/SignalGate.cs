using Mamori.Consent;

namespace Mamori.Signals;

/// <summary>What the gate did with a batch: the answer a site gets, and gets again for a retry.</summary>
/// <param name="Dropped">Events not kept, by reason (<c>analytics_refused</c>, <c>targeting_refused</c>).</param>
/// <param name="Stripped">Fields removed from kept events, by field (<c>location</c>, <c>adId</c>).</param>
/// <param name="Truncated">Fields reduced in kept events, by field (<c>ip</c>, <c>logLine</c>).</param>
public sealed record SignalOutcome(int Received, int Accepted, IReadOnlyDictionary<string, int> Dropped,
    IReadOnlyDictionary<string, int> Stripped, IReadOnlyDictionary<string, int> Truncated);

/// <summary>
/// The consent gate at the door. Per event: drop it if the device refused its type's cookie category
/// (<see cref="SignalTypes"/>); strip the location without location consent (§3(4)); strip the ad ID unless ad
/// optimisation is allowed and the app did not limit ad tracking (§3(3)); truncate IP addresses when configured.
/// Pure: the choices come in, the rows to store and the counts go out.
/// </summary>
public static class SignalGate
{
    public const string LocationField = "location";
    public const string AdIdField = "adId";
    public const string IpField = "ip";
    public const string LogLineField = "logLine";

    public static string DroppedReason(string category) => category + "_refused";

    /// <param name="events">Already validated (<see cref="SignalValidation"/>).</param>
    /// <param name="consents">The choices of every device in the batch.</param>
    public static (List<Signal> Rows, SignalOutcome Outcome) Apply(IReadOnlyList<SignalEvent> events,
        IReadOnlyDictionary<string, DeviceConsent> consents, SignalSettings settings)
    {
        var rows = new List<Signal>(events.Count);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        var stripped = new Dictionary<string, int>(StringComparer.Ordinal);
        var truncated = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var e in events)
        {
            var type = SignalTypes.Find(e.Type)!;
            var consent = e.DeviceId is null ? default : consents[e.DeviceId];
            if (type.ConsentCategory != ConsentCatalog.Necessary && !consent.Allows(type.ConsentCategory))
            {
                Increment(dropped, DroppedReason(type.ConsentCategory));
                continue;
            }

            var row = new Signal
            {
                DeviceId = e.DeviceId,
                Type = type.Id,
                At = e.At!.Value.ToUniversalTime(),
                Url = e.Url,
                Referrer = e.Referrer,
                UserAgent = e.UserAgent,
                Os = e.Os,
                Connection = e.Connection,
                Ip = e.Ip,
                Count = e.Count ?? 1,
                LogLine = e.LogLine,
            };
            if (e.Location is { } location)
            {
                if (consent.Location)
                    (row.Latitude, row.Longitude, row.LocationAccuracy) = (location.Lat, location.Lon, location.Accuracy);
                else
                    Increment(stripped, LocationField);
            }
            if (e.AdId is not null)
            {
                if (consent.AdIdentifiers && e.LimitAdTracking == false)
                    row.AdId = e.AdId;
                else
                    Increment(stripped, AdIdField);
            }
            if (settings.TruncateIp)
            {
                if (row.Ip is not null)
                {
                    var network = IpAddresses.Truncate(row.Ip);
                    if (network != row.Ip)
                        Increment(truncated, IpField);
                    row.Ip = network;
                }
                if (row.LogLine is not null)
                {
                    var masked = IpAddresses.TruncateWithin(row.LogLine);
                    if (masked != row.LogLine)
                        Increment(truncated, LogLineField);
                    row.LogLine = masked;
                }
            }
            rows.Add(row);
        }
        return (rows, new SignalOutcome(events.Count, rows.Count, dropped, stripped, truncated));
    }

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
