using System.Text.Json;
using Mamori.Data;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>The answer to a batch; <see cref="Replayed"/> when it is the stored answer to an earlier post of the same batch ID.</summary>
public sealed record IngestResult(string BatchId, SignalOutcome Outcome, bool Replayed);

/// <summary>
/// Takes a batch from a site: checks it, answers a retry from what was stored the first time, reads the devices'
/// choices in one query, passes the events through the <see cref="SignalGate"/>, seals those of linked devices
/// (<see cref="SignalSeal"/>), and waits for the
/// <see cref="SignalWriter"/> to commit the rows.
/// </summary>
public sealed class SignalIngestion(MamoriDb db, DeviceConsents consents, KeyVault keys, SignalWriter writer, SignalSettings settings, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="site">Where the batch comes from (the key's name); batch IDs are unique per site.</param>
    /// <param name="postedBy">The actor, as the audit trail names it.</param>
    public async Task<IngestResult> IngestAsync(string site, string postedBy, SignalBatchInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var batchId = SignalValidation.BatchId(input.BatchId);
        if (await StoredOutcomeAsync(site, batchId, ct) is { } earlier)
            return new IngestResult(batchId, earlier, Replayed: true);

        var events = SignalValidation.Events(input.Events, clock.GetUtcNow());
        var devices = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.DeviceId is not null)
                devices.Add(e.DeviceId);
        }
        var (rows, outcome) = SignalGate.Apply(events, await consents.ForAsync(devices, ct), settings);
        await SignalSeal.SealLinkedAsync(db, keys, rows, devices, ct);

        var batch = new SignalBatch { Site = site, BatchId = batchId, PostedBy = postedBy, Result = JsonSerializer.Serialize(outcome, Json) };
        if (await writer.WriteAsync(batch, rows, ct))
            return new IngestResult(batchId, outcome, Replayed: false);
        // The same batch ID was stored meanwhile (a concurrent retry): answer what that one stored.
        return new IngestResult(batchId, (await StoredOutcomeAsync(site, batchId, ct))!, Replayed: true);
    }

    private async Task<SignalOutcome?> StoredOutcomeAsync(string site, string batchId, CancellationToken ct)
    {
        var stored = await db.Set<SignalBatch>().AsNoTracking()
            .Where(b => b.Site == site && b.BatchId == batchId)
            .Select(b => b.Result)
            .FirstOrDefaultAsync(ct);
        return stored is null ? null : JsonSerializer.Deserialize<SignalOutcome>(stored, Json);
    }
}
