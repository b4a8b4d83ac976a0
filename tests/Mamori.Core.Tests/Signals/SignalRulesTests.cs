using Mamori.Consent;
using Mamori.Signals;
using Xunit;

namespace Mamori.Core.Tests.Signals;

public sealed class SignalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_event_type_maps_to_a_cookie_category_and_an_informative_category_of_the_policy()
    {
        var policy = RepositoryPolicy.Load();
        var catalog = ConsentCatalog.For(policy);
        var informative = policy.DataCategories.Where(c => c.Informative).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(SignalTypes.All, t =>
        {
            Assert.True(catalog.Find(t.ConsentCategory)?.IsCookie, t.Id);
            Assert.Contains(t.DataCategory, informative);
        });
        Assert.All(SignalCategories.All, c => Assert.Contains(c, informative));
        // §3(1) ①–⑨: every kind of informative data the policy lists has somewhere to go.
        Assert.All(policy.InformativeData.Kinds, k => Assert.Contains(k.Category, SignalCategories.All));
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("2001:db8:1234:5678:9abc::1", "2001:db8:1234::")]
    [InlineData("::ffff:198.51.100.200", "198.51.100.0")]
    [InlineData("10.0.0.1", "10.0.0.0")]
    public void Truncation_keeps_the_network(string address, string network) =>
        Assert.Equal(network, IpAddresses.Truncate(IpAddresses.Normalize(address)!));

    [Fact]
    public void Truncation_inside_a_line_leaves_times_and_versions_alone()
    {
        Assert.Equal("from 203.0.113.0 and 2001:db8:1:: at 10/Oct/2025:13:55:36 +0900 Chrome/120.0.6099.109",
            IpAddresses.TruncateWithin("from 203.0.113.77 and 2001:db8:1:2::9 at 10/Oct/2025:13:55:36 +0900 Chrome/120.0.6099.109"));
        const string none = "no address here 13:55:36";
        Assert.Equal(none, IpAddresses.TruncateWithin(none));
    }

    [Fact]
    public void A_combined_log_line_becomes_a_server_log_event_without_the_remote_user()
    {
        var (e, error) = AccessLog.Parse("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"");
        Assert.Null(error);
        Assert.Equal(SignalTypes.ServerLog, e!.Type);
        Assert.Null(e.DeviceId);
        Assert.Equal(new DateTimeOffset(2000, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)), e.At);
        Assert.Equal(("/apache_pb.gif", "127.0.0.1"), (e.Url, e.Ip));
        Assert.Equal(("http://www.example.com/start.html", "Mozilla/4.08 [en] (Win98; I ;Nav)"), (e.Referrer, e.UserAgent));
        Assert.Equal("\"GET /apache_pb.gif HTTP/1.0\" 200 2326", e.LogLine);
        Assert.DoesNotContain("frank", e.ToString(), StringComparison.Ordinal);

        var (common, _) = AccessLog.Parse("host.example - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.0\" 304 -");
        Assert.Equal((null, null, null), (common!.Ip, common.Referrer, common.UserAgent));
        Assert.NotNull(AccessLog.Parse("not a log").Error);
        Assert.NotNull(AccessLog.Parse("1.2.3.4 - - [10/Oct/2000 13:55:36 +0000] \"GET / HTTP/1.0\" 200 1").Error);
    }

    [Fact]
    public void Validation_names_the_event_and_field_and_normalises_addresses()
    {
        var good = new SignalEvent("AAAAAAAAAAAAAAAAAAAAAA", SignalTypes.PageView, Now, Ip: "::FFFF:192.0.2.1");
        Assert.Equal("192.0.2.1", SignalValidation.Events([good], Now)[0].Ip);

        var e = Assert.Throws<SignalEventInvalidException>(() => SignalValidation.Events([good, good with { At = Now.AddDays(2) }], Now));
        Assert.Equal((1, "at", SignalCodes.EventInvalid), (e.Index, e.Field, e.Code));
        Assert.Equal(SignalCodes.BatchTooLarge,
            Assert.Throws<MamoriException>(() => SignalValidation.Events([.. Enumerable.Repeat(good, SignalLimits.MaxEventsPerBatch + 1)], Now)).Code);
        Assert.Equal(SignalCodes.BatchIdMissing, Assert.Throws<MamoriException>(() => SignalValidation.BatchId(" ")).Code);
        Assert.Equal("site-1:2026-11-27.001", SignalValidation.BatchId("site-1:2026-11-27.001"));
    }
}
