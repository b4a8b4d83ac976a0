using Mamori.Consent;
using Mamori.Signals;
using Xunit;

namespace Mamori.Core.Tests.Signals;

public sealed class SignalGateTests
{
    private const string Device = "AAAAAAAAAAAAAAAAAAAAAA";
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(9));

    private static SignalEvent Event(string type, string? device = Device) => new(device, type, At);

    private static DeviceConsent Consent(bool analytics = true, bool targeting = true, bool location = false, bool adIds = false) =>
        new(analytics, targeting, location, adIds, Art31Link: false, TargetingRefusedByGpc: false);

    private static (List<Signal> Rows, SignalOutcome Outcome) Apply(DeviceConsent consent, bool truncate = true, params SignalEvent[] events) =>
        SignalGate.Apply(events, new Dictionary<string, DeviceConsent> { [Device] = consent }, new SignalSettings(truncate));

    [Fact]
    public void Each_event_type_is_gated_by_its_cookie_category()
    {
        var (rows, outcome) = Apply(Consent(analytics: false, targeting: false), true,
            [.. SignalTypes.All.Select(t => Event(t.Id))]);

        Assert.Equal([SignalTypes.ServerLog], rows.Select(r => r.Type));
        Assert.Equal(SignalTypes.All.Count(t => t.ConsentCategory == ConsentCatalog.Analytics), outcome.Dropped["analytics_refused"]);
        Assert.Equal(SignalTypes.All.Count(t => t.ConsentCategory == ConsentCatalog.Targeting), outcome.Dropped["targeting_refused"]);
        Assert.Equal((SignalTypes.All.Count, 1), (outcome.Received, outcome.Accepted));
    }

    [Fact]
    public void Location_and_ad_ids_are_stripped_unless_allowed()
    {
        var located = Event(SignalTypes.AppOpen) with { Location = new SignalLocation(35.1, 139.2, 10), AdId = "idfa", LimitAdTracking = false };

        var (stripped, strippedOutcome) = Apply(Consent(), true, located);
        Assert.Null(stripped[0].Latitude);
        Assert.Null(stripped[0].AdId);
        Assert.Equal(1, strippedOutcome.Stripped[SignalGate.LocationField]);
        Assert.Equal(1, strippedOutcome.Stripped[SignalGate.AdIdField]);

        var (kept, keptOutcome) = Apply(Consent(location: true, adIds: true), true, located);
        Assert.Equal((35.1, 139.2, 10.0), (kept[0].Latitude!.Value, kept[0].Longitude!.Value, kept[0].LocationAccuracy!.Value));
        Assert.Equal("idfa", kept[0].AdId);
        Assert.Empty(keptOutcome.Stripped);

        var (limited, _) = Apply(Consent(adIds: true), true, located with { LimitAdTracking = true }, located with { LimitAdTracking = null });
        Assert.All(limited, r => Assert.Null(r.AdId));
    }

    [Fact]
    public void Ip_addresses_are_truncated_only_when_configured_and_times_are_stored_in_utc()
    {
        var e = Event(SignalTypes.PageView) with { Ip = "203.0.113.77" };
        Assert.Equal("203.0.113.0", Apply(Consent(), true, e).Rows[0].Ip);
        Assert.Equal("203.0.113.77", Apply(Consent(), false, e).Rows[0].Ip);
        Assert.Equal(TimeSpan.Zero, Apply(Consent(), true, e).Rows[0].At.Offset);
        Assert.Equal(At, Apply(Consent(), true, e).Rows[0].At);
    }

    [Fact]
    public void A_server_log_without_a_device_is_kept_whatever_the_choices()
    {
        var (rows, _) = SignalGate.Apply([Event(SignalTypes.ServerLog, device: null)], new Dictionary<string, DeviceConsent>(), new SignalSettings());
        Assert.Single(rows);
    }
}
