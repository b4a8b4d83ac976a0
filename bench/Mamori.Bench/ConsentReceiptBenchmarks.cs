using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Mamori.Consent;
using Mamori.Host.Web;

namespace Mamori.Bench;

/// <summary>
/// The Kantara v1.1 receipt every consent answer carries (issue 9's micro-benchmarks), on the real policy: a banner
/// choice giving analytics and targeting (one service per tag, with purposes, items and recipients) and refusing
/// nothing else, built and then serialised as <c>POST /api/v1/consents</c> returns it.
/// </summary>
[MemoryDiagnoser]
public class ConsentReceiptBenchmarks
{
    private ConsentReceipts _receipts = null!;
    private ConsentRecorded _recorded = null!;

    [GlobalSetup]
    public void Setup()
    {
        var loaded = PolicyFile.Load(DecisionBenchmarks.FindPolicy());
        var policy = loaded.Policy ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        var catalog = ConsentCatalog.For(policy.Document);
        _receipts = new ConsentReceipts(policy, catalog);
        var device = ConsentSubject.Device("bench-device-0001-abcdefghijk");
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var receiptId = Guid.NewGuid();
        ConsentRecord Row(string category, bool given) => new()
        {
            SubjectKind = device.Kind, SubjectId = device.Id, Category = category, Given = given, Method = ConsentMethods.Banner,
            RecordedAt = at, PolicyVersion = policy.Version, NoticeHash = policy.ContentHash, ReceiptId = receiptId, RecordedBy = "anonymous",
        };
        List<ConsentRecord> rows = [Row("analytics", true), Row("targeting", true)];
        var state = new ConsentState(device, [.. catalog.All.Where(c => c.ForDevices)
            .Select(c => new CurrentChoice(c, rows.FirstOrDefault(r => r.Category == c.Id)?.Given ?? c.GivenByDefault, null))], NeedsReconsent: false);
        _recorded = new ConsentRecorded(receiptId, at, ConsentMethods.Banner, GpcApplied: false, rows, state);
    }

    [Benchmark]
    public ConsentReceipt Build() => _receipts.For(_recorded, "ja", "https://www.kakacom-insurance.example");

    [Benchmark]
    public byte[] BuildAndSerialise() => JsonSerializer.SerializeToUtf8Bytes(_receipts.For(_recorded, "ja", "https://www.kakacom-insurance.example"));
}
