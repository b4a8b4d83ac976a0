using Mamori.Audit;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Consent;

/// <summary>A choice to record: categories given or refused by one subject, and how.</summary>
/// <param name="Gpc">The request carried Global Privacy Control (<c>Sec-GPC: 1</c>): targeting is refused whatever was asked.</param>
/// <param name="Actor">Who records it: <c>anonymous</c>, or an API key or staff id.</param>
/// <param name="Trusted">The caller may manage consents: speak for persons and use every method.</param>
/// <param name="Reference">For a written consent, the signed form's reference.</param>
public sealed record RecordConsent(ConsentSubject Subject, IReadOnlyDictionary<string, bool> Choices, string Method, bool Gpc, string Actor,
    bool Trusted = false, string? Reference = null);

/// <summary>What one <see cref="ConsentLedger.RecordAsync"/> stored, and the subject's choices afterwards.</summary>
public sealed record ConsentRecorded(Guid ReceiptId, DateTimeOffset At, string Method, bool GpcApplied, IReadOnlyList<ConsentRecord> Rows, ConsentState State);

/// <summary>The choice in force for a category: the latest record, or the category's default when none is on record.</summary>
public sealed record CurrentChoice(ConsentCategory Category, bool Given, ConsentRecord? Record);

/// <summary>A subject's choices in force, and whether the policy has changed since in a way that needs them asked again.</summary>
public sealed record ConsentState(ConsentSubject Subject, IReadOnlyList<CurrentChoice> Choices, bool NeedsReconsent)
{
    public bool Allows(string category) => Choices.FirstOrDefault(c => c.Category.Id == category)?.Given ?? false;
}

/// <summary>
/// The consent ledger: every choice by a device or person, per category, with method, time, policy version and
/// the hash of the notice shown, kept for good (rows are only ever added). Use cases: record, current, history,
/// whether to ask again, and the merge of a device's choices with a person's once the device is linked.
/// </summary>
public sealed class ConsentLedger(MamoriDb db, CurrentPolicy policy, ConsentCatalog catalog, ReconsentCheck reconsent, AuditTrail audit, TimeProvider clock)
{
    public const int MaxChoices = 32;
    public const int MaxReferenceLength = 200;

    private IQueryable<ConsentRecord> Records => db.Set<ConsentRecord>();

    public async Task<ConsentRecorded> RecordAsync(RecordConsent command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Validate(command);
        if (!command.Subject.IsDevice)
            await RequirePersonAsync(command.Subject, ct);

        var gpcApplies = command.Gpc && catalog.Find(ConsentCatalog.Targeting) is not null;
        var choices = new Dictionary<string, (bool Given, string Method)>(StringComparer.Ordinal);
        foreach (var (category, given) in command.Choices)
            choices[category] = (given, command.Method);
        if (gpcApplies)
            choices[ConsentCatalog.Targeting] = (false, ConsentMethods.Gpc);

        var receiptId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var rows = choices.Select(choice => new ConsentRecord
        {
            SubjectKind = command.Subject.Kind,
            SubjectId = command.Subject.Id,
            Category = choice.Key,
            Given = choice.Value.Given,
            Method = choice.Value.Method,
            RecordedAt = now,
            PolicyVersion = policy.Version,
            NoticeHash = policy.ContentHash,
            ReceiptId = receiptId,
            Reference = command.Reference,
            RecordedBy = command.Actor,
        }).ToList();
        db.Set<ConsentRecord>().AddRange(rows);
        await AuditAsync(AuditActions.ConsentRecorded, command.Actor, command.Subject, receiptId, rows, ct);
        return new ConsentRecorded(receiptId, now, command.Method, gpcApplies, rows, await CurrentAsync(command.Subject, ct));
    }

    /// <summary>
    /// The subject an id names: <paramref name="kind"/> says which (device or person); without it, a person if the
    /// id is a person's, else a device (an app may well use a GUID as its device ID).
    /// </summary>
    public async Task<ConsentSubject> ResolveAsync(string id, string? kind, CancellationToken ct = default)
    {
        switch (kind)
        {
            case "device":
                return ConsentSubject.Device(id);
            case "person":
                var person = PersonSubject(id);
                await RequirePersonAsync(person, ct);
                return person;
            case null:
                return Guid.TryParseExact(id, "D", out var personId) && await PersonExistsAsync(personId, ct)
                    ? ConsentSubject.Person(personId)
                    : ConsentSubject.Device(id);
            default:
                throw new MamoriException(ConsentCodes.SubjectKindUnknown, "'kind' is device or person.");
        }
    }

    /// <summary>A person named by their id as text (a GUID).</summary>
    public static ConsentSubject PersonSubject(string id) =>
        Guid.TryParseExact(id, "D", out var personId)
            ? ConsentSubject.Person(personId)
            : throw new MamoriException(ConsentCodes.PersonIdInvalid, "A person's id is a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");

    /// <summary>Every choice the subject has made, oldest first.</summary>
    public async Task<List<ConsentRecord>> HistoryAsync(ConsentSubject subject, CancellationToken ct = default)
    {
        var history = new List<ConsentRecord>();
        await foreach (var record in History.For(db)(db, subject.Kind, subject.Id).WithCancellation(ct))
            history.Add(record);
        return history;
    }

    // Compiled once: the consent read and every decision run these, and translating the LINQ each time was a large
    // part of their cost (docs/performance.md).
    private static readonly CompiledQueryPerModel<Func<MamoriDb, ConsentSubjectKind, string, IAsyncEnumerable<ConsentRecord>>> History = new(() =>
        EF.CompileAsyncQuery(IQueryable<ConsentRecord> (MamoriDb db, ConsentSubjectKind kind, string id) =>
            db.Set<ConsentRecord>().AsNoTracking().Where(r => r.SubjectKind == kind && r.SubjectId == id).OrderBy(r => r.Id)));

    private static readonly CompiledQueryPerModel<Func<MamoriDb, Guid, CancellationToken, Task<bool>>> PersonExists = new(() =>
        EF.CompileAsyncQuery((MamoriDb db, Guid id, CancellationToken ct) => db.Set<Vault.Person>().Any(p => p.Id == id && p.ErasedAt == null)));

    /// <summary>The choice in force per category (latest record, else the default) and whether to ask again.</summary>
    public async Task<ConsentState> CurrentAsync(ConsentSubject subject, CancellationToken ct = default) =>
        await StateAsync(subject, Latest(await HistoryAsync(subject, ct)), ct);

    /// <summary>The choice in force per category, from the <paramref name="history"/> the caller already read with
    /// <see cref="HistoryAsync"/> (the consent read answers with both, and reading it twice cost a query per request).</summary>
    public Task<ConsentState> CurrentFromHistoryAsync(ConsentSubject subject, IReadOnlyList<ConsentRecord> history, CancellationToken ct = default) =>
        StateAsync(subject, Latest(history), ct);

    /// <summary>The policy versions whose consents still stand under the one in force (the current one included).</summary>
    public async Task<IReadOnlyList<string>> VersionsStillValidAsync(CancellationToken ct = default)
    {
        var versions = await db.PolicyVersions.AsNoTracking().OrderBy(v => v.EffectiveFrom).ToListAsync(ct);
        return [.. versions.Where(reconsent.StillValid).Select(v => v.Version)];
    }

    /// <summary>
    /// Once a device is linked to a person, their choices become one: per category the later choice wins, and a
    /// targeting refusal by Global Privacy Control always wins. The winning choice is copied (as a new row naming
    /// where it came from) to whichever side differs, so the device and the person answer alike from then on.
    /// </summary>
    public async Task<ConsentState> MergeDeviceIntoPersonAsync(string deviceId, Guid personId, string actor, CancellationToken ct = default)
    {
        var device = ConsentSubject.Device(deviceId);
        var person = ConsentSubject.Person(personId);
        await RequirePersonAsync(person, ct);
        var fromDevice = Latest(await HistoryAsync(device, ct));
        var fromPerson = Latest(await HistoryAsync(person, ct));

        var receiptId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        foreach (var category in fromDevice.Keys.Union(fromPerson.Keys))
        {
            var deviceChoice = fromDevice.GetValueOrDefault(category);
            var personChoice = fromPerson.GetValueOrDefault(category);
            var winner = Winner(category, deviceChoice, personChoice);
            if (Differs(personChoice, winner))
                db.Set<ConsentRecord>().Add(CopyOf(winner, person, device, receiptId, now, actor));
            if (catalog.Find(category)?.ForDevices == true && Differs(deviceChoice, winner))
                db.Set<ConsentRecord>().Add(CopyOf(winner, device, person, receiptId, now, actor));
        }
        await AuditAsync(AuditActions.ConsentMerged, actor, person,
            receiptId, db.ChangeTracker.Entries<ConsentRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity), ct, device.Id);
        return await CurrentAsync(person, ct);
    }

    /// <summary>What the subject's consents mean for decisions: location only with its (opt-in) consent; advertising
    /// identifiers count as tracking-limited until their opt-in consent is given.</summary>
    public async Task<SubjectFlags> DecisionFlagsAsync(ConsentSubject subject, CancellationToken ct = default)
    {
        // Every decision asks this: read the two categories it needs, newest first, not the whole history.
        var latest = new Dictionary<string, bool>(2, StringComparer.Ordinal);
        await foreach (var row in DecisionChoices.For(db)(db, subject.Kind, subject.Id).WithCancellation(ct))
            latest.TryAdd(row.Category, row.Given);
        return (Allows(ConsentCatalog.Location) ? SubjectFlags.LocationConsent : SubjectFlags.None)
            | (Allows(ConsentCatalog.AdIdentifiers) ? SubjectFlags.None : SubjectFlags.LimitAdTracking);

        // As ConsentState.Allows: the latest choice, else the category's default; a category the subject cannot choose is not given.
        bool Allows(string id) => catalog.Find(id) is { } category && Choosable(category, subject)
            && (latest.TryGetValue(id, out var given) ? given : category.GivenByDefault);
    }

    private sealed record Choice(string Category, bool Given);

    private static readonly CompiledQueryPerModel<Func<MamoriDb, ConsentSubjectKind, string, IAsyncEnumerable<Choice>>> DecisionChoices = new(() =>
        EF.CompileAsyncQuery(IQueryable<Choice> (MamoriDb db, ConsentSubjectKind kind, string id) =>
            db.Set<ConsentRecord>().AsNoTracking()
                .Where(r => r.SubjectKind == kind && r.SubjectId == id
                    && (r.Category == ConsentCatalog.Location || r.Category == ConsentCatalog.AdIdentifiers))
                .OrderByDescending(r => r.Id)
                .Select(r => new Choice(r.Category, r.Given))));

    /// <summary>Appends the choices to the audit trail (as codes such as <c>analytics.refused</c>) and commits them with it.</summary>
    private Task AuditAsync(string action, string actor, ConsentSubject subject, Guid receiptId, IEnumerable<ConsentRecord> rows,
        CancellationToken ct, string? deviceId = null) =>
        audit.AppendAsync(new AuditEvent(actor, action, AuditOutcomes.Success,
            PersonId: subject.IsDevice ? null : Guid.Parse(subject.Id),
            DeviceId: subject.IsDevice ? subject.Id : deviceId,
            Reasons: [.. rows.Select(r => $"{r.Category}.{(r.Given ? "given" : "refused")}").Distinct()],
            Target: "receipt:" + receiptId.ToString("N")), ct);

    private void Validate(RecordConsent command)
    {
        if (command.Choices is null || command.Choices.Count == 0)
            throw new MamoriException(ConsentCodes.ChoicesMissing, "Give 'choices': at least one category with true or false.");
        if (command.Choices.Count > MaxChoices)
            throw new MamoriException(ConsentCodes.TooManyChoices, $"At most {MaxChoices} choices.");
        if (!ConsentMethods.All.Contains(command.Method))
            throw new MamoriException(ConsentCodes.MethodUnknown, $"Unknown method '{command.Method}'. Methods: {string.Join(", ", ConsentMethods.All)}.");
        if (!command.Trusted && !ConsentMethods.Public.Contains(command.Method))
            throw new MamoriException(ConsentCodes.MethodNotAllowed,
                $"Method '{command.Method}' is recorded by the agency's systems only. Public callers use: {string.Join(", ", ConsentMethods.Public)}.");
        if (command.Method == ConsentMethods.Gpc && command.Choices.Values.Any(given => given))
            throw new MamoriException(ConsentCodes.GpcOnlyRefuses, "Global Privacy Control only ever refuses: every choice under method 'gpc' is false.");
        if (command.Reference is { Length: 0 or > MaxReferenceLength } || (command.Method == ConsentMethods.Written && command.Reference is null))
            throw new MamoriException(ConsentCodes.ReferenceInvalid,
                $"A written consent names its signed form in 'reference' (1–{MaxReferenceLength} characters).");

        foreach (var (id, given) in command.Choices)
        {
            var category = catalog.Find(id)
                ?? throw new MamoriException(ConsentCodes.CategoryUnknown, $"Unknown consent category '{id}'. Categories: {string.Join(", ", catalog.All.Select(c => c.Id))}.");
            if (command.Subject.IsDevice && !category.ForDevices)
                throw new MamoriException(ConsentCodes.CategoryNotForDevice, $"'{id}' is agreed to by a person, not by a device: give 'personId'.");
            if (category.Requirement == ConsentRequirement.None && !given)
                throw new MamoriException(ConsentCodes.NecessaryNotOptional, $"'{id}' is needed for the service to work and cannot be refused.");
            if (category.Requirement == ConsentRequirement.Written && given && command.Method != ConsentMethods.Written)
                throw new MamoriException(ConsentCodes.WrittenMethodRequired, $"'{id}' is given only in writing: use method 'written' with the form's reference.");
        }
    }

    private async Task RequirePersonAsync(ConsentSubject person, CancellationToken ct)
    {
        if (!await PersonExistsAsync(Guid.Parse(person.Id), ct))
            throw new MamoriException(ConsentCodes.PersonNotFound, "No such person.", 404);
    }

    /// <summary>Erased persons are gone: no choice is recorded or shown for them.</summary>
    private Task<bool> PersonExistsAsync(Guid id, CancellationToken ct) => PersonExists.For(db)(db, id, ct);

    private async Task<ConsentState> StateAsync(ConsentSubject subject, Dictionary<string, ConsentRecord> latest, CancellationToken ct)
    {
        var choices = catalog.All
            .Where(c => Choosable(c, subject))
            .Select(c => latest.TryGetValue(c.Id, out var record) ? new CurrentChoice(c, record.Given, record) : new CurrentChoice(c, c.GivenByDefault, null))
            .ToList();
        return new ConsentState(subject, choices, await NeedsReconsentAsync(latest.Values, ct));
    }

    /// <summary>True when a choice in force was made under a version whose differences from the current policy need new consent.</summary>
    private async Task<bool> NeedsReconsentAsync(IEnumerable<ConsentRecord> inForce, CancellationToken ct)
    {
        var hashes = inForce.Select(r => r.NoticeHash).Where(h => h != policy.ContentHash).Distinct().ToList();
        if (hashes.Count == 0)
            return false;
        var stored = await db.PolicyVersions.AsNoTracking().Where(v => hashes.Contains(v.ContentHash)).ToListAsync(ct);
        return stored.Count < hashes.Count || !stored.All(reconsent.StillValid);
    }

    /// <summary>A device, until it is linked to a person, chooses only the categories made for devices.</summary>
    private static bool Choosable(ConsentCategory category, ConsentSubject subject) => !subject.IsDevice || category.ForDevices;

    private static Dictionary<string, ConsentRecord> Latest(IEnumerable<ConsentRecord> history) =>
        history.GroupBy(r => r.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!, StringComparer.Ordinal);

    private static ConsentRecord Winner(string category, ConsentRecord? fromDevice, ConsentRecord? fromPerson)
    {
        if (category == ConsentCatalog.Targeting && (IsGpcRefusal(fromDevice) || IsGpcRefusal(fromPerson)))
            return IsGpcRefusal(fromDevice) ? fromDevice! : fromPerson!;
        if (fromDevice is null || fromPerson is null)
            return (fromDevice ?? fromPerson)!;
        return (fromDevice.RecordedAt, fromDevice.Id).CompareTo((fromPerson.RecordedAt, fromPerson.Id)) > 0 ? fromDevice : fromPerson;
    }

    private static bool IsGpcRefusal(ConsentRecord? record) => record is { Given: false, Method: ConsentMethods.Gpc };

    private static bool Differs(ConsentRecord? side, ConsentRecord winner) =>
        side is null || side.Given != winner.Given || (IsGpcRefusal(winner) && !IsGpcRefusal(side));

    private static ConsentRecord CopyOf(ConsentRecord winner, ConsentSubject to, ConsentSubject from, Guid receiptId, DateTimeOffset now, string actor) => new()
    {
        SubjectKind = to.Kind,
        SubjectId = to.Id,
        Category = winner.Category,
        Given = winner.Given,
        Method = winner.Method,
        RecordedAt = now,
        PolicyVersion = winner.PolicyVersion,
        NoticeHash = winner.NoticeHash,
        ReceiptId = receiptId,
        Reference = winner.Reference,
        LinkedFrom = from.ToString(),
        RecordedBy = actor,
    };
}
