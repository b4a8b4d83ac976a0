using Mamori.Audit;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Provision;
using Mamori.Signals;
using Mamori.Vault;
using Person = Mamori.Vault.Person;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Retention;

/// <summary>What one rule would dispose of now (a dry run) or did (a run).</summary>
public sealed record DisposalPlanLine(string RuleId, string Target, string Method, int Count, int Held);

public sealed record DisposalPlan(DateTimeOffset At, string PolicyVersion, IReadOnlyList<DisposalPlanLine> Lines)
{
    public int Total => Lines.Sum(l => l.Count);
    public int Held => Lines.Sum(l => l.Held);
}

/// <summary>
/// Retention and disposal (§11(2)): finds what the policy's rules say has expired — persons (crypto-shredded through
/// the vault's erasure, which also deletes their linked signals), items of a category, device signals (deleted or
/// anonymised) and provision records past their statutory keep-until (through <see cref="ProvisionRecords"/>'s purge)
/// — spares what a legal hold covers, and writes a <see cref="DisposalRecord"/> with an audit entry. A plan (dry run)
/// finds the same things and changes nothing.
/// </summary>
public sealed class Disposals(MamoriDb db, PersonVault vault, ProvisionRecords provisionRecords, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The statutory keep-until of the Arts. 29–31 records (1 or 3 years), set on each record when written.</summary>
    public const string ProvisionRule = "provision.records";

    private const int Chunk = 500;

    public IReadOnlyList<RetentionRule> Rules => policy.Document.Retention?.Rules ?? [];

    /// <summary>What a run now would dispose of and what holds would spare. Writes nothing.</summary>
    public async Task<DisposalPlan> PlanAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var selection = await SelectAsync(now, ct);
        return new DisposalPlan(now, policy.Version, [.. selection.Select(s => s.Line)]);
    }

    /// <summary>Disposes of everything expired and records it. <paramref name="approvedBy"/> is whose approval the
    /// run rests on (see <see cref="DisposalRecord.ApprovedBy"/>).</summary>
    public async Task<DisposalRecord> RunAsync(string actor, string approvedBy, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var selection = await SelectAsync(now, ct);
        var record = new DisposalRecord { RunAt = now, RunBy = actor, ApprovedBy = approvedBy, PolicyVersion = policy.Version };

        // Each erasure is its own transaction (the vault's); the rest of the run and its record commit together.
        foreach (var persons in selection.OfType<PersonSelection>())
        {
            foreach (var id in persons.Ids)
                await vault.EraseAsync(id, "retention:" + persons.Rule.Id, actor, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var selected in selection)
        {
            var line = selected.Line;
            string? reference = null;
            var count = selected switch
            {
                PersonSelection p => p.Ids.Count,
                ItemSelection items => await DeleteItemsAsync(items, actor, ct),
                SignalSelection signals => await DisposeSignalsAsync(signals, ct),
                ProvisionSelection { Line.Held: 0, Line.Count: > 0 } => await PurgeProvisionRecordsAsync(actor, r => reference = r, ct),
                _ => 0,
            };
            record.Lines.Add(new DisposalLine
            {
                DisposalId = record.Id, RuleId = line.RuleId, Target = line.Target, Method = line.Method, Count = count, Held = line.Held, Reference = reference,
            });
        }
        db.Set<DisposalRecord>().Add(record);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.RetentionRun, AuditOutcomes.Success,
            Reasons: [.. record.Lines.Where(l => l.Count > 0).Select(l => l.RuleId)], Target: Target(record.Id)), ct);
        await transaction.CommitAsync(ct);
        return record;
    }

    public Task<List<DisposalRecord>> RecentAsync(int take = 50, CancellationToken ct = default) =>
        db.Set<DisposalRecord>().AsNoTracking().Include(d => d.Lines).OrderByDescending(d => d.RunAt).Take(take).ToListAsync(ct);

    public static string Target(Guid disposalId) => "disposal:" + disposalId.ToString("D");

    // ---- selection: the same for a plan and a run ----

    private abstract record Selection(DisposalPlanLine Line);
    private sealed record PersonSelection(DisposalPlanLine Line, RetentionRule Rule, List<Guid> Ids) : Selection(Line);
    private sealed record ItemSelection(DisposalPlanLine Line, List<(Guid Id, Guid PersonId, string Category)> Items) : Selection(Line);
    private sealed record SignalSelection(DisposalPlanLine Line, RetentionRule Rule, long LastId, List<Guid> HeldPersons) : Selection(Line);
    private sealed record ProvisionSelection(DisposalPlanLine Line) : Selection(Line);

    private async Task<List<Selection>> SelectAsync(DateTimeOffset now, CancellationToken ct)
    {
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(ct);
        var heldPersons = holds.Where(h => h.PersonId is not null).Select(h => h.PersonId!.Value).ToHashSet();
        var heldCategories = holds.Where(h => h.Category is not null).Select(h => h.Category!).ToHashSet(StringComparer.Ordinal);
        var informative = policy.Document.DataCategories.Where(c => c.Informative).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var signalsHeld = heldCategories.Overlaps(informative);

        var selection = new List<Selection>();
        selection.AddRange(await SelectPersonsAsync(now, heldPersons, heldCategories, ct));
        foreach (var rule in Rules.Where(r => r.Scope == "items"))
            selection.Add(await SelectItemsAsync(rule, now, heldPersons, heldCategories, ct));
        foreach (var rule in Rules.Where(r => r.Scope == "signals"))
            selection.Add(await SelectSignalsAsync(rule, now, heldPersons, signalsHeld, ct));
        selection.Add(await SelectProvisionRecordsAsync(now, heldPersons, heldCategories, ct));
        return selection;
    }

    /// <summary>Each person is judged by the first person rule that fits them (kind, and categories held when the rule
    /// names some); they have expired when their record last changed at or before that rule's keep-until cut-off.</summary>
    private async Task<List<PersonSelection>> SelectPersonsAsync(DateTimeOffset now, HashSet<Guid> heldPersons, HashSet<string> heldCategories, CancellationToken ct)
    {
        var rules = Rules.Where(r => r.Scope == "person").Select(r => (Rule: r, Cutoff: RetentionPeriod.Parse(r.KeepFor).Before(now))).ToList();
        if (rules.Count == 0)
            return [];
        var kinds = rules.SelectMany(r => r.Rule.SubjectKinds ?? []).Distinct().ToList();
        var latest = rules.Max(r => r.Cutoff);
        var persons = await db.Set<Person>().AsNoTracking()
            .Where(p => p.ErasedAt == null && kinds.Contains(p.Kind) && p.UpdatedAt <= latest)
            .Select(p => new { p.Id, p.Kind, p.UpdatedAt })
            .ToListAsync(ct);
        var held = new Dictionary<Guid, HashSet<string>>();
        foreach (var chunk in persons.Select(p => p.Id).Chunk(Chunk))
        {
            foreach (var item in await db.Set<PersonItem>().AsNoTracking().Where(i => chunk.Contains(i.PersonId))
                         .Select(i => new { i.PersonId, i.Category }).Distinct().ToListAsync(ct))
                (held.TryGetValue(item.PersonId, out var set) ? set : held[item.PersonId] = new(StringComparer.Ordinal)).Add(item.Category);
        }
        var candidates = persons.Select(p => new { p.Id, p.Kind, p.UpdatedAt, Categories = held.GetValueOrDefault(p.Id) ?? [] });
        var expired = rules.ToDictionary(r => r.Rule.Id, _ => new List<Guid>());
        var spared = rules.ToDictionary(r => r.Rule.Id, _ => 0);
        foreach (var person in candidates.OrderBy(p => p.Id))
        {
            var (rule, cutoff) = rules.FirstOrDefault(r => (r.Rule.SubjectKinds ?? []).Contains(person.Kind)
                && (r.Rule.Categories is not { Count: > 0 } categories || categories.Any(person.Categories.Contains)));
            if (rule is null || person.UpdatedAt > cutoff)
                continue;
            if (heldPersons.Contains(person.Id) || person.Categories.Any(heldCategories.Contains))
                spared[rule.Id]++;
            else
                expired[rule.Id].Add(person.Id);
        }
        return [.. rules.Select(r => new PersonSelection(
            new DisposalPlanLine(r.Rule.Id, DisposalTargets.Persons, DisposalMethods.CryptoShred, expired[r.Rule.Id].Count, spared[r.Rule.Id]),
            r.Rule, expired[r.Rule.Id]))];
    }

    private async Task<ItemSelection> SelectItemsAsync(RetentionRule rule, DateTimeOffset now, HashSet<Guid> heldPersons, HashSet<string> heldCategories, CancellationToken ct)
    {
        var cutoff = RetentionPeriod.Parse(rule.KeepFor).Before(now);
        var categories = rule.Categories ?? [];
        var kinds = rule.SubjectKinds;
        var query = db.Set<PersonItem>().AsNoTracking()
            .Where(i => categories.Contains(i.Category) && i.Provenance.AcquiredAt <= cutoff)
            .Where(i => db.Set<Person>().Any(p => p.Id == i.PersonId && p.ErasedAt == null));
        if (kinds is { Count: > 0 })
            query = query.Where(i => db.Set<Person>().Any(p => p.Id == i.PersonId && kinds.Contains(p.Kind)));
        var items = (await query.Select(i => new { i.Id, i.PersonId, i.Category }).ToListAsync(ct))
            .Select(i => (i.Id, i.PersonId, i.Category)).OrderBy(i => i.Id).ToList();
        var held = items.Count(i => heldPersons.Contains(i.PersonId) || heldCategories.Contains(i.Category));
        var expired = items.Where(i => !heldPersons.Contains(i.PersonId) && !heldCategories.Contains(i.Category)).ToList();
        return new ItemSelection(new DisposalPlanLine(rule.Id, DisposalTargets.Items, DisposalMethods.Delete, expired.Count, held), expired);
    }

    private async Task<SignalSelection> SelectSignalsAsync(RetentionRule rule, DateTimeOffset now, HashSet<Guid> heldPersons, bool allHeld, CancellationToken ct)
    {
        var method = rule.Action == "anonymise" ? DisposalMethods.Anonymise : DisposalMethods.Delete;
        var cutoff = RetentionPeriod.Parse(rule.KeepFor).Before(now);
        // Ids grow with arrival, so everything received by the cut-off lies at or below the last id of the batches received by then.
        var lastId = await db.Set<SignalBatch>().Where(b => b.ReceivedAt <= cutoff && b.LastSignalId != null).MaxAsync(b => b.LastSignalId, ct) ?? 0;
        var held = heldPersons.ToList();
        var all = await Expired(rule, lastId, []).CountAsync(ct);
        if (allHeld)
            return new SignalSelection(new DisposalPlanLine(rule.Id, DisposalTargets.Signals, method, 0, all), rule, 0, held);
        var count = await Expired(rule, lastId, held).CountAsync(ct);
        return new SignalSelection(new DisposalPlanLine(rule.Id, DisposalTargets.Signals, method, count, all - count), rule, lastId, held);
    }

    /// <summary>The signals a rule covers up to <paramref name="lastId"/>: of devices linked now (less those of held
    /// persons), or of the others still carrying an identifier (anonymised rows are done).</summary>
    private IQueryable<Signal> Expired(RetentionRule rule, long lastId, List<Guid> heldPersons)
    {
        var linked = db.Set<DeviceLink>().Where(l => l.UnlinkedAt == null);
        var signals = db.Set<Signal>().Where(s => s.Id <= lastId);
        if (rule.Linked == true)
        {
            var devices = linked.Where(l => !heldPersons.Contains(l.PersonId)).Select(l => l.DeviceId);
            return signals.Where(s => s.DeviceId != null && devices.Contains(s.DeviceId));
        }
        var linkedDevices = linked.Select(l => l.DeviceId);
        return signals.Where(s => (s.DeviceId != null || s.Ip != null || s.UserAgent != null || s.AdId != null || s.Latitude != null)
            && (s.DeviceId == null || !linkedDevices.Contains(s.DeviceId)));
    }

    private async Task<ProvisionSelection> SelectProvisionRecordsAsync(DateTimeOffset now, HashSet<Guid> heldPersons, HashSet<string> heldCategories, CancellationToken ct)
    {
        var expired = await db.Set<ProvisionRecord>().AsNoTracking().Where(r => r.KeepUntil <= now)
            .Select(r => new { r.PersonId, r.Items }).ToListAsync(ct);
        // The purge takes every expired record at once: a hold on any of them holds the purge back whole.
        var anyHeld = expired.Any(r => heldPersons.Contains(r.PersonId) || r.Items.Any(heldCategories.Contains));
        return new ProvisionSelection(new DisposalPlanLine(ProvisionRule, DisposalTargets.ProvisionRecords, DisposalMethods.Delete,
            anyHeld ? 0 : expired.Count, anyHeld ? expired.Count : 0));
    }

    // ---- execution ----

    private async Task<int> DeleteItemsAsync(ItemSelection selection, string actor, CancellationToken ct)
    {
        foreach (var person in selection.Items.GroupBy(i => i.PersonId))
        {
            var ids = person.Select(i => i.Id).ToList();
            db.Set<PersonItem>().RemoveRange(await db.Set<PersonItem>().Where(i => ids.Contains(i.Id)).ToListAsync(ct));
            await audit.AppendAsync(new AuditEvent(actor, AuditActions.RetentionItemsDeleted, AuditOutcomes.Success, PersonId: person.Key,
                Categories: [.. person.Select(i => i.Category).Distinct()], Reasons: [selection.Line.RuleId]), ct);
        }
        return selection.Items.Count;
    }

    private async Task<int> DisposeSignalsAsync(SignalSelection selection, CancellationToken ct)
    {
        if (selection.LastId == 0 || selection.Line.Count == 0)
            return 0;
        var expired = Expired(selection.Rule, selection.LastId, selection.HeldPersons);
        var devices = await expired.Where(s => s.DeviceId != null).Select(s => s.DeviceId!).Distinct().ToListAsync(ct);
        var count = selection.Line.Method == DisposalMethods.Anonymise
            ? await expired.ExecuteUpdateAsync(u => u
                .SetProperty(s => s.DeviceId, (string?)null).SetProperty(s => s.Ip, (string?)null)
                .SetProperty(s => s.UserAgent, (string?)null).SetProperty(s => s.Referrer, (string?)null)
                .SetProperty(s => s.Os, (string?)null).SetProperty(s => s.Connection, (string?)null)
                .SetProperty(s => s.Latitude, (double?)null).SetProperty(s => s.Longitude, (double?)null)
                .SetProperty(s => s.LocationAccuracy, (double?)null).SetProperty(s => s.AdId, (string?)null)
                .SetProperty(s => s.LogLine, (string?)null), ct)
            : await expired.ExecuteDeleteAsync(ct);
        // The device index no longer leads to these rows.
        foreach (var chunk in devices.Chunk(Chunk))
            await db.Set<DeviceSignalRange>().Where(r => chunk.Contains(r.DeviceId) && r.LastSignalId <= selection.LastId).ExecuteDeleteAsync(ct);
        return count;
    }

    private async Task<int> PurgeProvisionRecordsAsync(string actor, Action<string> reference, CancellationToken ct)
    {
        var purge = await provisionRecords.PurgeExpiredAsync(actor, ct);
        reference("provision_purge:" + purge.PurgeId.ToString("D"));
        return purge.Count;
    }
}
