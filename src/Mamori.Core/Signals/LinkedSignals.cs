using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Vault;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>One stored event as a purpose may see it: fields of categories the purpose may not use are null.</summary>
public sealed record SignalView(long Id, string? DeviceId, string Type, DateTimeOffset At, string? Url, string? Referrer, string? UserAgent,
    string? Os, string? Connection, string? Ip, SignalLocation? Location, int? Count, string? AdId, string? LogLine);

/// <summary>A person's linked devices and, newest first, one page of their signals.</summary>
/// <param name="Next">Pass as <c>before</c> for the next page; null on the last.</param>
public sealed record LinkedSignalsView(Guid PersonId, string Purpose, IReadOnlyList<DeviceLink> Links, IReadOnlyList<SignalView> Signals,
    IReadOnlyList<WithheldItem> Withheld, long? Next);

/// <summary>
/// The signals of a person's linked devices, which are that person's personal data: read under a purpose decided by
/// the <see cref="DecisionEngine"/> like the vault's items — a purpose the person's kind or requests rule out is
/// refused whole, and each §3(1) category it may not use (location without consent, ad IDs outside ad delivery, …)
/// is withheld with its reasons. For the person's view, disclosure (with <see cref="SubjectFlags.HandlingRequest"/>),
/// and every read is audited.
/// </summary>
public sealed class LinkedSignals(MamoriDb db, DecisionEngine engine, ConsentLedger ledger, KeyVault keys, AuditTrail audit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public async Task<LinkedSignalsView> ReadAsync(Guid personId, string purpose, string actor, int? limit = null, long? before = null,
        SubjectFlags context = SubjectFlags.None, CancellationToken ct = default)
    {
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var person = await LivePersons.FindAsync(db, personId, ct);
        var state = PersonVault.StateOf(person, context);
        // §3(4): the person's location consent (the device's was merged into it on linking).
        if ((await ledger.CurrentAsync(ConsentSubject.Person(person.Id), ct)).Allows(ConsentCatalog.Location))
            state = state with { Flags = state.Flags | SubjectFlags.LocationConsent };

        var whole = engine.Decide(purpose, [], person.Kind, state);
        if (!whole.IsAllowed)
        {
            await AppendAsync(actor, AuditOutcomes.Denied, person.Id, purpose, [], whole.Reasons, ct);
            throw new UseDeniedException(whole.Reasons);
        }
        var permitted = new HashSet<string>(StringComparer.Ordinal);
        var withheld = new List<WithheldItem>();
        foreach (var category in SignalCategories.All.Where(c => engine.Policy.CategoryId(c) != CompiledPolicy.Unknown))
        {
            var decision = engine.Decide(purpose, [category], person.Kind, state);
            if (decision.IsAllowed)
                permitted.Add(category);
            else
                withheld.Add(new WithheldItem(category, decision.Reasons));
        }

        var links = await db.Set<DeviceLink>().AsNoTracking().Where(l => l.PersonId == person.Id && l.UnlinkedAt == null)
            .OrderBy(l => l.LinkedAt).ToListAsync(ct);
        var devices = links.Select(l => l.DeviceId).ToList();
        var types = SignalTypes.All.Where(t => permitted.Contains(t.DataCategory)).Select(t => t.Id).ToList();
        var query =
            from range in db.Set<DeviceSignalRange>()
            where devices.Contains(range.DeviceId)
            from signal in db.Set<Signal>()
            where signal.Id >= range.FirstSignalId && signal.Id <= range.LastSignalId && signal.DeviceId == range.DeviceId && types.Contains(signal.Type)
            select signal;
        if (before is { } cursor)
            query = query.Where(s => s.Id < cursor);
        List<Signal> rows = devices.Count == 0 ? [] : await query.AsNoTracking().OrderByDescending(s => s.Id).Take(take + 1).ToListAsync(ct);
        long? next = rows.Count > take ? rows[take - 1].Id : null;
        if (rows.Any(r => r.Sealed is not null))
        {
            using var key = await keys.GetDataKeyAsync(person.Id, ct);
            rows.RemoveAll(row => !SignalSeal.TryOpen(row, key));
        }

        await AppendAsync(actor, AuditOutcomes.Allowed, person.Id, purpose, permitted, withheld.SelectMany(w => w.Reasons), ct);
        return new LinkedSignalsView(person.Id, purpose, links, [.. rows.Take(take).Select(s => View(s, permitted))], withheld, next);
    }

    private static SignalView View(Signal s, HashSet<string> permitted)
    {
        T? If<T>(string category, T? value) => permitted.Contains(category) ? value : default;
        var located = s.Latitude is not null && permitted.Contains(SignalCategories.Location);
        return new SignalView(s.Id, If(SignalCategories.DeviceId, s.DeviceId), s.Type, s.At,
            If(SignalCategories.BrowsingHistory, s.Url), If(SignalCategories.Referrer, s.Referrer), If(SignalCategories.UserAgent, s.UserAgent),
            If(SignalCategories.OsConnection, s.Os), If(SignalCategories.OsConnection, s.Connection), If(SignalCategories.IpAddress, s.Ip),
            located ? new SignalLocation(s.Latitude, s.Longitude, s.LocationAccuracy) : null,
            permitted.Contains(SignalCategories.UsageCounts) ? s.Count : null,
            If(SignalCategories.AdId, s.AdId), If(SignalCategories.ServerLog, s.LogLine));
    }

    private Task AppendAsync(string actor, string outcome, Guid personId, string purpose, IEnumerable<string> categories,
        IEnumerable<string> reasons, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(actor, AuditActions.SignalsRead, outcome,
            engine.Policy.PurposeId(purpose) != CompiledPolicy.Unknown ? purpose : null, personId, null,
            [.. categories], [.. reasons.Distinct()]), ct);
}
