using Mamori.Consent;

namespace Mamori.Signals;

/// <summary>The batch and event rules, checked before anything is looked up or stored. A broken event refuses the
/// whole batch (naming its index and field), so a site fixes its sender instead of losing events silently.</summary>
public static class SignalValidation
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string BatchId(string? batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId))
            throw new MamoriException(SignalCodes.BatchIdMissing, "Give 'batchId': your own ID for this batch, sent again unchanged on a retry.");
        if (batchId.Length > SignalLimits.MaxBatchIdLength || !batchId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            throw new MamoriException(SignalCodes.BatchIdInvalid,
                $"A batch ID is 1–{SignalLimits.MaxBatchIdLength} characters from A–Z, a–z, 0–9, '-', '_', '.' and ':'.");
        return batchId;
    }

    /// <summary>The events, each checked; IP addresses come back in canonical form.</summary>
    public static IReadOnlyList<SignalEvent> Events(IReadOnlyList<SignalEvent?>? events, DateTimeOffset now)
    {
        if (events is null || events.Count == 0)
            throw new MamoriException(SignalCodes.EventsMissing, "Give 'events': one or more events.");
        if (events.Count > SignalLimits.MaxEventsPerBatch)
            throw new MamoriException(SignalCodes.BatchTooLarge, $"A batch holds at most {SignalLimits.MaxEventsPerBatch} events; split it.", 413);
        var checkedEvents = new SignalEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
            checkedEvents[i] = Check(i, events[i], now);
        return checkedEvents;
    }

    /// <summary>One event checked (IP in canonical form), or <see cref="SignalEventInvalidException"/> naming <paramref name="index"/>.</summary>
    public static SignalEvent Check(int index, SignalEvent? e, DateTimeOffset now)
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        void Fail(string field, string message) => throw new SignalEventInvalidException(index, field, message);
        void Length(string? value, string field, int max)
        {
            if (value is not null && (value.Length == 0 || value.Length > max))
                Fail(field, $"1–{max} characters when given.");
        }

        if (e is null)
            throw new SignalEventInvalidException(index, "event", "is null.");
        var type = SignalTypes.Find(e.Type);
        if (type is null)
            Fail("type", $"one of {string.Join(", ", SignalTypes.All.Select(t => t.Id))}.");
        if (e.DeviceId is null ? type.Id != SignalTypes.ServerLog : !ConsentSubject.IsDeviceId(e.DeviceId))
            Fail("deviceId", $"a random device ID of {ConsentSubject.MinDeviceIdLength}–{ConsentSubject.MaxDeviceIdLength} characters (A–Z, a–z, 0–9, '-', '_'); only a server log may come without one.");
        if (e.At is not { } at || at < Earliest || at > now + SignalLimits.MaxClockSkew)
            Fail("at", "an ISO 8601 time with offset, after 2000 and not in the future.");
        Length(e.Url, "url", SignalLimits.MaxUrlLength);
        Length(e.Referrer, "referrer", SignalLimits.MaxUrlLength);
        Length(e.UserAgent, "userAgent", SignalLimits.MaxUserAgentLength);
        Length(e.Os, "os", SignalLimits.MaxOsLength);
        Length(e.Connection, "connection", SignalLimits.MaxConnectionLength);
        Length(e.AdId, "adId", SignalLimits.MaxAdIdLength);
        Length(e.LogLine, "logLine", SignalLimits.MaxLogLineLength);
        if (e.Count is < 1 or > SignalLimits.MaxCount)
            Fail("count", $"1–{SignalLimits.MaxCount}.");
        if (e.Location is { } l && (l.Lat is not (>= -90 and <= 90) || l.Lon is not (>= -180 and <= 180) || l.Accuracy is < 0 or > 100_000))
            Fail("location", "lat −90…90 and lon −180…180 in degrees; accuracy 0–100000 metres when given.");

        if (e.Ip is null)
            return e;
        var ip = e.Ip.Length <= SignalLimits.MaxIpLength ? IpAddresses.Normalize(e.Ip) : null;
        if (ip is null)
            Fail("ip", "an IPv4 or IPv6 address.");
        return ip == e.Ip ? e : e with { Ip = ip };
    }
}
