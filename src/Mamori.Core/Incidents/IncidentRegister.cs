using Mamori.Audit;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Incidents;

/// <summary>
/// Records breaches, assesses them (<see cref="Reportability"/>) and computes their deadlines
/// (<see cref="ReportDeadlines"/>). Every recording and every draft leaves an audit entry (ids and codes only).
/// </summary>
public sealed class IncidentRegister(MamoriDb db, AuditTrail audit, CurrentPolicy policy, IncidentSettings settings,
    JapaneseCalendar calendar, TimeProvider clock)
{
    public const int MaxPersonIds = 10_000;
    public const int MaxPersons = 100_000_000;

    public async Task<IncidentView> RecordAsync(RecordIncident command, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var categories = ValidCategories(command.Categories);
        // Stored in UTC (PostgreSQL's timestamptz takes no other offset); the day of awareness is taken in Japan.
        var discoveredAt = (command.DiscoveredAt ?? now).ToUniversalTime();
        if (discoveredAt > now.AddMinutes(5))
            throw new MamoriException("incident.discovered_in_future", "The company cannot have known of it later than now.");
        if (command.OccurredAt is { } occurred && occurred > discoveredAt)
            throw new MamoriException("incident.occurred_after_discovery", "It cannot have happened after it was found.");
        var personIds = (command.PersonIds ?? []).Distinct().ToList();
        if (personIds.Count > MaxPersonIds)
            throw new MamoriException("incident.persons_invalid", $"Name at most {MaxPersonIds} persons by id; give larger numbers as a count.");
        var persons = command.PersonsAffected ?? personIds.Count;
        if (persons < personIds.Count || persons is < 0 or > MaxPersons)
            throw new MamoriException("incident.persons_invalid", "The number of persons is at least the number of persons named by id.");
        await RequireKnownPersonsAsync(personIds, ct);

        var incident = new Incident
        {
            CreatedAt = now,
            CreatedBy = actor,
            OccurredAt = command.OccurredAt?.ToUniversalTime(),
            DiscoveredAt = discoveredAt,
            AwarenessDate = ReportDeadlines.JapanDate(discoveredAt),
            DiscoveredBy = Text(command.DiscoveredBy, "discoveredBy", Incident.MaxName, required: true)!,
            Summary = Text(command.Summary, "summary", Incident.MaxText, required: true)!,
            Cause = Text(command.Cause, "cause", Incident.MaxText, required: true)!,
            Categories = categories,
            PersonsAffected = persons,
            Malicious = command.Malicious,
            StronglyEncrypted = command.StronglyEncrypted,
            KeyLeaked = command.StronglyEncrypted && command.KeyLeaked,
            ContractorInvolved = command.ContractorInvolved,
            ContractorName = command.ContractorInvolved ? Text(command.ContractorName, "contractorName", Incident.MaxName) : null,
            Suspected = command.Suspected,
            FinancialDamageRisk = command.FinancialDamageRisk ?? categories.Any(settings.FinancialDamageCategories.Contains),
            FinancialSector = settings.FinancialSector,
            SecondaryDamage = Text(command.SecondaryDamage, "secondaryDamage", Incident.MaxText),
            MeasuresForPersons = Text(command.MeasuresForPersons, "measuresForPersons", Incident.MaxText),
            Publication = Text(command.Publication, "publication", Incident.MaxText),
            PreventionMeasures = Text(command.PreventionMeasures, "preventionMeasures", Incident.MaxText),
            Other = Text(command.Other, "other", Incident.MaxText),
        };
        incident.AffectedPersons = [.. personIds.Select(p => new IncidentPerson { IncidentId = incident.Id, PersonId = p })];
        db.Set<Incident>().Add(incident);
        var view = Assess(incident);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.IncidentRecorded, AuditOutcomes.Success,
            Categories: categories, Reasons: view.Reportability.Reasons, Target: Target(incident.Id)), ct);
        return view;
    }

    public async Task<IncidentView> GetAsync(Guid id, CancellationToken ct = default) =>
        Assess(await FindAsync(id, ct));

    /// <summary>The most recent incidents first, each with its assessment and deadlines.</summary>
    public async Task<IReadOnlyList<IncidentView>> ListAsync(int max = 200, CancellationToken ct = default)
    {
        var incidents = await db.Set<Incident>().AsNoTracking().Include(i => i.AffectedPersons)
            .OrderByDescending(i => i.AwarenessDate).ThenByDescending(i => i.Id).Take(max).ToListAsync(ct);
        return [.. incidents.OrderByDescending(i => i.AwarenessDate).ThenByDescending(i => i.CreatedAt).Select(Assess)];
    }

    /// <summary>The report draft (the PPC's nine fields) and the publication text; the drafting is audited.</summary>
    public async Task<IncidentReport> DraftReportAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        var report = IncidentReport.Draft(view, policy.Document, ReportDeadlines.JapanDate(clock.GetUtcNow()));
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.IncidentReportDrafted, AuditOutcomes.Success,
            Categories: view.Incident.Categories, Target: Target(id)), ct);
        return report;
    }

    /// <summary>
    /// A notice for each affected person named by id. Name and address are read through the vault under the
    /// configured notice purpose when there is one and the caller may read personal data; otherwise (and for an
    /// erased person, or one the purpose may not use) the notice carries placeholders to fill in by hand.
    /// </summary>
    public async Task<IReadOnlyList<PersonNotice>> DraftNoticesAsync(Guid id, PersonVault vault, bool mayReadPersonalData, string actor, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct);
        var today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        var purpose = mayReadPersonalData ? settings.NoticePurpose : null;
        var notices = new List<PersonNotice>(view.Incident.AffectedPersons.Count);
        foreach (var person in view.Incident.AffectedPersons.OrderBy(p => p.PersonId))
        {
            var addressee = purpose is null ? null : await AddresseeAsync(vault, person.PersonId, purpose, actor, ct);
            notices.Add(IncidentReport.Notice(view, policy.Document, person.PersonId, addressee, today));
        }
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.IncidentNoticesDrafted, AuditOutcomes.Success,
            Purpose: purpose, Reasons: purpose is null ? [IncidentReport.NoNoticePurpose] : null, Target: Target(id)), ct);
        return notices;
    }

    private IncidentView Assess(Incident incident)
    {
        var reportability = Reportability.Assess(incident.Facts(settings.FinancialDamageCategories), policy.Document);
        return new IncidentView(incident, reportability,
            ReportDeadlines.For(incident.AwarenessDate, reportability, incident.Malicious, incident.FinancialSector, calendar));
    }

    private static async Task<Addressee?> AddresseeAsync(PersonVault vault, Guid personId, string purpose, string actor, CancellationToken ct)
    {
        try
        {
            var read = await vault.ReadAsync(personId, purpose, actor, ct: ct);
            string? Value(string category) => read.Items.LastOrDefault(i => i.Category == category && i.ContentType == ItemContent.Text)?.Value;
            return new Addressee(Value(Categories.Name), Value("contact.address"));
        }
        catch (MamoriException)
        {
            // Denied (audited by the vault), erased or gone: the notice keeps its placeholders.
            return null;
        }
    }

    private async Task<Incident> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Incident>().AsNoTracking().Include(i => i.AffectedPersons).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new MamoriException("incident.not_found", "No such incident.", 404);

    private async Task RequireKnownPersonsAsync(List<Guid> ids, CancellationToken ct)
    {
        var known = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
            known.UnionWith(await db.Set<Mamori.Vault.Person>().Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        var unknown = ids.FirstOrDefault(i => !known.Contains(i));
        if (unknown != Guid.Empty)
            throw new MamoriException("incident.person_unknown", $"No person {unknown} in the vault.");
    }

    private List<string> ValidCategories(IReadOnlyList<string>? categories)
    {
        if (categories is null || categories.Count == 0)
            throw new MamoriException("incident.items_missing", "Name the data categories leaked or at risk (at least one).");
        var known = policy.Document.DataCategories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = categories.FirstOrDefault(c => !known.Contains(c));
        if (unknown is not null)
            throw new MamoriException("category.unknown", "Unknown data category; use the policy's category ids.");
        return [.. categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string? Text(string? value, string field, int max, bool required = false)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && required)
            throw new MamoriException("request.field_missing", $"'{field}' is required.");
        if (trimmed is { Length: var length } && length > max)
            throw new MamoriException("incident.text_too_long", $"'{field}' is at most {max} characters.");
        return trimmed;
    }

    public static string Target(Guid id) => "incident:" + id.ToString("D");
}
