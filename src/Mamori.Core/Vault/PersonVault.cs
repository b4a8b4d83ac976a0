using System.Globalization;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Policy;
using Mamori.Signals;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Vault;

/// <summary>
/// Where personal data lives and the one gate every use of it passes: values are encrypted per person,
/// every read names a purpose and is decided by the <see cref="DecisionEngine"/>, what a purpose may not
/// use is withheld with its reasons, and every read, write, search, decision and denial is appended to the
/// audit trail (ids and codes only, never values) in the same commit as the change it records.
/// </summary>
public sealed class PersonVault(MamoriDb db, KeyVault keys, BlindIndex lookups, DecisionEngine engine, CurrentPolicy policy, ConsentLedger consents,
    AuditTrail audit, TimeProvider clock)
{
    public const int MaxItems = 100;
    public const int MaxTextLength = 10_000;
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public async Task<Person> CreateAsync(CreatePerson command, string actor, CancellationToken ct = default)
    {
        if (!policy.Document.SubjectKinds.Any(k => k.Id == command.Kind))
            throw new MamoriException("person.kind_unknown", $"Unknown subject kind '{command.Kind}'. Kinds: {string.Join(", ", policy.Document.SubjectKinds.Select(k => k.Id))}.");
        ValidateTextItems(command.Items);
        var provenance = Provenance(command.Channel, command.Source, command.AcquiredAt, command.NotifiedPurposes ?? DefaultPurposes(command.Kind),
            command.SensitiveGround, command.WrittenConsent, command.Items.Keys);

        var now = clock.GetUtcNow();
        var person = new Person { Kind = command.Kind, CreatedAt = now, UpdatedAt = now };
        using var key = await keys.CreateDataKeyAsync(person.Id, ct);
        db.Set<Person>().Add(person);
        foreach (var (category, value) in command.Items)
            AddTextItem(person, key, category, value, provenance, actor, now);
        AddLookups(person.Id, command.Items);
        await AuditAsync(actor, AuditActions.PersonCreated, AuditOutcomes.Success, person.Id, null, command.Items.Keys, null, ct);
        return person;
    }

    /// <summary>What <paramref name="purpose"/> may use of the person. A purpose the person's kind or requests
    /// rule out is refused whole (<see cref="UseDeniedException"/>); single items it may not use are withheld.</summary>
    public async Task<PersonView> ReadAsync(Guid personId, string purpose, string actor, SubjectFlags context = SubjectFlags.None, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct);
        var state = StateOf(person, context | await consents.DecisionFlagsAsync(ConsentSubject.Person(person.Id), ct));
        await RequireAllowedAsync(engine.Decide(purpose, [], person.Kind, state), actor, AuditActions.PersonRead, person.Id, purpose, [], ct);

        var items = new List<ItemView>();
        var withheld = new List<WithheldItem>();
        DataKey? key = null;
        try
        {
            foreach (var item in person.Items.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.CreatedAt))
            {
                var decision = engine.Decide(purpose, [item.Category], person.Kind, ItemState(state, item));
                if (!decision.IsAllowed)
                {
                    withheld.Add(new WithheldItem(item.Category, decision.Reasons));
                    continue;
                }
                key ??= await keys.GetDataKeyAsync(person.Id, ct);
                var value = item.ContentType == ItemContent.Text
                    ? ItemCipher.DecryptText(key, item.Category, item.Id, item.Ciphertext)
                    : "";
                items.Add(new ItemView(item.Id, item.Category, item.ContentType, value, item.Provenance, item.CreatedAt, item.CreatedBy));
            }
        }
        finally
        {
            key?.Dispose();
        }
        await AuditAsync(actor, AuditActions.PersonRead, AuditOutcomes.Allowed, person.Id, purpose, items.Select(i => i.Category),
            withheld.SelectMany(w => w.Reasons), ct);
        return new PersonView(person.Id, person.Kind, purpose, items, withheld, person.UseSuspended, person.ProvisionSuspended);
    }

    /// <summary>
    /// Exactly the named categories of the person, for a hand-over to a third party. The categories are decided
    /// together and refused whole (audited, nothing decrypted) when any of them is not allowed or not held;
    /// <paramref name="ground"/> is the §8 ground this use itself rests on (an exception ①–④), which stands in
    /// for the ground recorded at acquisition. <paramref name="onAllowed"/> runs before the allowed entry is
    /// appended, so what it adds to the context (the provision record) is stored in the same commit as the entry.
    /// </summary>
    public async Task<IReadOnlyList<ItemView>> ReadForProvisionAsync(Guid personId, string purpose, IReadOnlyCollection<string> categories,
        string action, string actor, SubjectFlags context, string? ground, string? target, Func<IReadOnlyList<ItemView>, Task> onAllowed,
        CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct);
        var groundId = ground is null ? 0 : engine.Policy.SensitiveGroundId(ground);
        var state = StateOf(person, context);
        var stored = person.Items.Where(i => i.ContentType == ItemContent.Text && categories.Contains(i.Category)).ToList();
        foreach (var item in stored)
            state = ItemState(state, item);
        if (groundId > 0)
            state = state with { SensitiveGround = groundId };
        var decision = engine.Decide(purpose, categories, person.Kind, state);
        await RequireAllowedAsync(decision, actor, action, person.Id, purpose, categories, ct, target);
        var missing = categories.Where(c => !stored.Any(i => i.Category == c)).ToList();
        if (missing.Count > 0)
        {
            await AuditAsync(actor, action, AuditOutcomes.Denied, person.Id, purpose, categories, ["provision.item_not_held"], ct, target);
            throw new MamoriException("provision.item_not_held", $"The person has no value for: {string.Join(", ", missing)}.", 409);
        }

        var items = new List<ItemView>();
        using (var key = await keys.GetDataKeyAsync(person.Id, ct))
        {
            // The latest value of each category.
            foreach (var item in stored.GroupBy(i => i.Category).Select(g => g.MaxBy(i => i.CreatedAt)!).OrderBy(i => i.Category, StringComparer.Ordinal))
                items.Add(new ItemView(item.Id, item.Category, item.ContentType, ItemCipher.DecryptText(key, item.Category, item.Id, item.Ciphertext),
                    item.Provenance, item.CreatedAt, item.CreatedBy));
        }
        await onAllowed(items);
        await AuditAsync(actor, action, AuditOutcomes.Allowed, person.Id, purpose, categories, null, ct, target);
        return items;
    }

    /// <summary>The provenance of each stored item of the named categories (no values): where and under which notice it was acquired.</summary>
    public async Task<IReadOnlyList<(string Category, Provenance Provenance)>> ProvenanceAsync(Guid personId, IReadOnlyCollection<string> categories, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct);
        return [.. person.Items.Where(i => categories.Contains(i.Category)).Select(i => (i.Category, i.Provenance))];
    }

    /// <summary>The person's kind and request flags, no values: what a console needs to offer the purposes that apply.</summary>
    public async Task<PersonSummary> DescribeAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new MamoriException("person.not_found", "No such person.", 404);
        if (person.ErasedAt is not null)
            throw new MamoriException("person.erased", "This person was erased; their data can no longer be read.", 410);
        return new PersonSummary(person.Id, person.Kind, person.UseSuspended, person.ProvisionSuspended);
    }

    /// <summary>A file item's bytes, if the purpose may use its category.</summary>
    public async Task<(PersonItem Item, byte[] Content)> ReadFileAsync(Guid personId, Guid itemId, string purpose, string actor, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct);
        var item = person.Items.SingleOrDefault(i => i.Id == itemId && i.ContentType != ItemContent.Text)
            ?? throw new MamoriException("item.not_found", "No such file item.", 404);
        await RequireAllowedAsync(engine.Decide(purpose, [item.Category], person.Kind, ItemState(StateOf(person, SubjectFlags.None), item)),
            actor, AuditActions.PersonFileRead, person.Id, purpose, [item.Category], ct);
        using var key = await keys.GetDataKeyAsync(person.Id, ct);
        var content = ItemCipher.Decrypt(key, item.Category, item.Id, item.Ciphertext);
        await AuditAsync(actor, AuditActions.PersonFileRead, AuditOutcomes.Allowed, person.Id, purpose, [item.Category], null, ct);
        return (item, content);
    }

    /// <summary>Sets items (replacing the current value of each category) under a purpose that may use them.</summary>
    public async Task<Person> UpdateAsync(Guid personId, UpdatePerson command, string actor, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct, tracked: true);
        ValidateTextItems(command.Items);
        var provenance = Provenance(command.Channel ?? "direct", command.Source, null, [command.Purpose],
            command.SensitiveGround, command.WrittenConsent, command.Items.Keys);
        var state = StateOf(person, SubjectFlags.None);
        await RequireAllowedAsync(engine.Decide(command.Purpose, command.Items.Keys, person.Kind, WithProvenance(state, provenance, command.Items.Keys)),
            actor, AuditActions.PersonUpdated, person.Id, command.Purpose, command.Items.Keys, ct);

        var now = clock.GetUtcNow();
        using var key = await keys.GetDataKeyAsync(person.Id, ct);
        var searchable = CurrentSearchableValues(person, key);
        foreach (var (category, value) in command.Items)
        {
            db.Set<PersonItem>().RemoveRange(person.Items.Where(i => i.Category == category));
            AddTextItem(person, key, category, value, provenance, actor, now);
            if (IsSearchable(category))
                searchable[category] = value;
        }
        if (command.Items.Keys.Any(IsSearchable))
        {
            await db.Set<PersonLookup>().Where(l => l.PersonId == person.Id).ExecuteDeleteAsync(ct);
            AddLookups(person.Id, searchable);
        }
        person.UpdatedAt = now;
        await AuditAsync(actor, AuditActions.PersonUpdated, AuditOutcomes.Success, person.Id, command.Purpose, command.Items.Keys, null, ct);
        return person;
    }

    /// <summary>Adds a file (a scanned application, a call recording) under a category, encrypted like text.</summary>
    public async Task<PersonItem> AddFileAsync(Guid personId, string purpose, string category, string contentType, byte[] content, string channel, string actor, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct, tracked: true);
        if (content.Length is 0 or > MaxFileBytes)
            throw new MamoriException("item.file_size", $"A file item holds 1 byte to {MaxFileBytes / (1024 * 1024)} MB.");
        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 || contentType == ItemContent.Text)
            throw new MamoriException("item.content_type_invalid", "Give the file's media type, e.g. application/pdf.");
        var provenance = Provenance(channel, null, null, [purpose], null, null, [category]);
        await RequireAllowedAsync(engine.Decide(purpose, [category], person.Kind, StateOf(person, SubjectFlags.None)),
            actor, AuditActions.PersonFileAdded, person.Id, purpose, [category], ct);
        using var key = await keys.GetDataKeyAsync(person.Id, ct);
        var item = new PersonItem
        {
            PersonId = person.Id, Category = category, ContentType = contentType, Provenance = provenance,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        item.Ciphertext = ItemCipher.Encrypt(key, category, item.Id, content);
        db.Set<PersonItem>().Add(item);
        await AuditAsync(actor, AuditActions.PersonFileAdded, AuditOutcomes.Success, person.Id, purpose, [category], null, ct);
        return item;
    }

    /// <summary>Finds persons through the blind indexes; returns ids and kinds only, never values.</summary>
    public async Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonSearch search, string actor, CancellationToken ct = default)
    {
        var wanted = new List<(string Kind, string Hash)>();
        if (!string.IsNullOrWhiteSpace(search.Email))
            wanted.Add((nameof(BlindIndexKind.Email), lookups.Email(search.Email)));
        if (!string.IsNullOrWhiteSpace(search.Phone))
            wanted.Add((nameof(BlindIndexKind.Phone), lookups.Phone(search.Phone)));
        if (!string.IsNullOrWhiteSpace(search.Name))
        {
            if (search.Birthdate is not { } birthdate)
                throw new MamoriException("search.birthdate_required", "A name search needs the birthdate too.");
            wanted.Add((nameof(BlindIndexKind.NameBirthdate), lookups.NameAndBirthdate(search.Name, birthdate)));
        }
        if (wanted.Count == 0)
            throw new MamoriException("search.empty", "Search by email, phone, or name with birthdate.");

        var hashes = wanted.Select(w => w.Hash).ToList();
        var rows = await db.Set<PersonLookup>().AsNoTracking().Where(l => hashes.Contains(l.Hash)).ToListAsync(ct);
        var hits = rows.Where(r => wanted.Contains((r.Kind, r.Hash))).GroupBy(r => r.PersonId).ToList();
        var ids = hits.Select(h => h.Key).ToList();
        var kinds = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.ErasedAt == null)
            .ToDictionaryAsync(p => p.Id, p => p.Kind, ct);
        IReadOnlyList<PersonMatch> matches = [.. hits.Where(h => kinds.ContainsKey(h.Key))
            .Select(h => new PersonMatch(h.Key, kinds[h.Key], [.. h.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal)]))];
        // One entry per search, naming what was searched by (never the values) and each person found.
        var searchedBy = SearchedCategories(search);
        if (matches.Count == 0)
            await AuditAsync(actor, AuditActions.PersonSearched, AuditOutcomes.Success, null, null, searchedBy, null, ct);
        foreach (var match in matches)
            await AuditAsync(actor, AuditActions.PersonSearched, AuditOutcomes.Success, match.Id, null, searchedBy, null, ct);
        return matches;
    }

    /// <summary>
    /// Corrects or adds items because the person asked (APPI Art. 34): a duty, so no purpose is decided. Correction
    /// replaces each category's current value, addition adds one beside it. Returns each value before and after, for
    /// the request's record (the audit entry names the categories only). <paramref name="target"/> names the request.
    /// </summary>
    public async Task<IReadOnlyList<(string Category, string? Before, string After)>> CorrectForRequestAsync(Guid personId,
        IReadOnlyDictionary<string, string> changes, bool replace, string actor, string target, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct, tracked: true);
        ValidateTextItems(changes);
        var now = clock.GetUtcNow();
        using var key = await keys.GetDataKeyAsync(person.Id, ct);
        var searchable = CurrentSearchableValues(person, key);
        var changed = new List<(string, string?, string)>();
        foreach (var (category, value) in changes)
        {
            var current = person.Items.Where(i => i.Category == category && i.ContentType == ItemContent.Text).OrderBy(i => i.CreatedAt).ToList();
            var before = current.Count == 0 ? null : ItemCipher.DecryptText(key, category, current[^1].Id, current[^1].Ciphertext);
            // The corrected value keeps the notice it was acquired under; an added one is under the current notice.
            var provenance = current.Count > 0 ? current[^1].Provenance.Copy() : Provenance("direct", null, null, DefaultPurposes(person.Kind), null, null, []);
            provenance.AcquiredAt = now;
            provenance.PolicyVersion = policy.Version;
            if (replace)
                db.Set<PersonItem>().RemoveRange(current);
            AddTextItem(person, key, category, value, provenance, actor, now);
            if (IsSearchable(category))
                searchable[category] = value;
            changed.Add((category, before, value));
        }
        if (changes.Keys.Any(IsSearchable))
        {
            await db.Set<PersonLookup>().Where(l => l.PersonId == person.Id).ExecuteDeleteAsync(ct);
            AddLookups(person.Id, searchable);
        }
        person.UpdatedAt = now;
        await AuditAsync(actor, AuditActions.PersonCorrected, AuditOutcomes.Success, person.Id, null, changes.Keys, null, ct, target);
        return changed;
    }

    /// <summary>Deletes every item of the named categories (APPI Art. 34/35) and, when the person asked for it, sets
    /// the suspension flags the decision engine enforces. Returns the categories that held something.</summary>
    public async Task<IReadOnlyList<string>> DeleteForRequestAsync(Guid personId, IReadOnlyCollection<string> categories, bool suspendUse,
        string actor, string target, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct, tracked: true);
        var doomed = person.Items.Where(i => categories.Contains(i.Category)).ToList();
        db.Set<PersonItem>().RemoveRange(doomed);
        var deleted = doomed.Select(i => i.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        if (deleted.Any(IsSearchable))
        {
            using var key = await keys.GetDataKeyAsync(person.Id, ct);
            var searchable = CurrentSearchableValues(person, key);
            foreach (var category in deleted)
                searchable.Remove(category);
            await db.Set<PersonLookup>().Where(l => l.PersonId == person.Id).ExecuteDeleteAsync(ct);
            AddLookups(person.Id, searchable);
        }
        person.UseSuspended |= suspendUse;
        person.UpdatedAt = clock.GetUtcNow();
        await AuditAsync(actor, AuditActions.PersonItemsDeleted, AuditOutcomes.Success, person.Id, null, deleted,
            suspendUse ? [DecisionCodes.SubjectUseSuspended] : null, ct, target);
        return deleted;
    }

    /// <summary>Sets the suspension flags (利用停止 / 第三者提供の停止) a request asked for; every decision enforces them.</summary>
    public async Task SuspendForRequestAsync(Guid personId, bool use, bool provision, string actor, string target, CancellationToken ct = default)
    {
        var person = await FindAsync(personId, ct, tracked: true);
        person.UseSuspended |= use;
        person.ProvisionSuspended |= provision;
        person.UpdatedAt = clock.GetUtcNow();
        await AuditAsync(actor, AuditActions.PersonSuspended, AuditOutcomes.Success, person.Id, null, null,
            [.. use ? [DecisionCodes.SubjectUseSuspended] : Array.Empty<string>(), .. provision ? [DecisionCodes.SubjectProvisionSuspended] : Array.Empty<string>()],
            ct, target);
    }

    /// <summary>Erases the person for good: destroys their data key (crypto-shredding), removes the encrypted items
    /// and the blind indexes, and leaves a tombstone (id, when, why, by whom).</summary>
    public async Task<ShreddedKey> EraseAsync(Guid personId, string reason, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            throw new MamoriException("erasure.reason_required", "Say why the person is erased (1–500 characters, no personal data).");
        var person = await db.Set<Person>().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == personId, ct)
            ?? throw new MamoriException("person.not_found", "No such person.", 404);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<PersonItem>().RemoveRange(person.Items);
        db.Set<PersonLookup>().RemoveRange(await db.Set<PersonLookup>().Where(l => l.PersonId == personId).ToListAsync(ct));
        person.ErasedAt ??= clock.GetUtcNow();
        var signalsDeleted = await EraseLinkedSignalsAsync(personId, actor, ct);
        var tombstone = await keys.ShredAsync(personId, reason, actor, ct); // saves everything above
        await AuditAsync(actor, AuditActions.PersonErased, AuditOutcomes.Success, personId, null, null, null, ct);
        await transaction.CommitAsync(ct);
        // Items were only ever stored encrypted; deleted signals may have been stored plain before their device was linked.
        if (signalsDeleted)
            await db.ForgetReplacedPagesAsync(ct);
        return tombstone;
    }

    /// <summary>Once linked, a device's signals are the person's personal data: erasure deletes every signal of every
    /// device ever linked to them (before the link too — it made them linkable) and ends the links.</summary>
    private async Task<bool> EraseLinkedSignalsAsync(Guid personId, string actor, CancellationToken ct)
    {
        var links = await db.Set<DeviceLink>().Where(l => l.PersonId == personId).ToListAsync(ct);
        var devices = links.Select(l => l.DeviceId).Distinct().ToList();
        if (devices.Count == 0)
            return false;
        foreach (var range in await db.Set<DeviceSignalRange>().Where(r => devices.Contains(r.DeviceId)).ToListAsync(ct))
        {
            await db.Set<Signal>()
                .Where(s => s.Id >= range.FirstSignalId && s.Id <= range.LastSignalId && s.DeviceId == range.DeviceId)
                .ExecuteDeleteAsync(ct);
        }
        await db.Set<DeviceSignalRange>().Where(r => devices.Contains(r.DeviceId)).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var link in links.Where(l => l.IsActive))
        {
            link.UnlinkedAt = now;
            link.UnlinkedBy = actor;
        }
        return true;
    }

    /// <summary>The decision for a use of a person's categories, as the decision API answers it.</summary>
    public async Task<Decision> DecideAsync(Guid personId, string purpose, IReadOnlyCollection<string> categories, string actor, CancellationToken ct = default)
    {
        var person = Found(await DecisionFactsAsync(personId, ct));
        var state = StateOf(person, await consents.DecisionFlagsAsync(ConsentSubject.Person(person.Id), ct));
        // Written consent and §8 grounds are recorded per item: a category counts as covered when every stored
        // item of it is.
        var stored = person.Items.Where(i => categories.Contains(i.Category)).ToList();
        foreach (var item in stored)
            state = ItemState(state, item);
        var decision = engine.Decide(purpose, categories, person.Kind, state);
        await AuditAsync(actor, AuditActions.Decision, decision.IsAllowed ? AuditOutcomes.Allowed : AuditOutcomes.Denied,
            person.Id, purpose, categories, decision.Reasons, ct);
        return decision;
    }

    private async Task<Person> FindAsync(Guid personId, CancellationToken ct, bool tracked = false)
    {
        var query = db.Set<Person>().Include(p => p.Items).AsQueryable();
        if (!tracked)
            query = query.AsNoTracking();
        return Found(await query.SingleOrDefaultAsync(p => p.Id == personId, ct));
    }

    private static Person Found(Person? person)
    {
        if (person is null)
            throw new MamoriException("person.not_found", "No such person.", 404);
        if (person.ErasedAt is not null)
            throw new MamoriException("person.erased", "This person was erased; their data can no longer be read.", 410);
        return person;
    }

    /// <summary>The person with only what a decision reads: kind, suspensions, and each item's category and grounds.
    /// Not the ciphertexts (a file item can be megabytes) nor the rest of the provenance: loading whole items was
    /// half of a decision request's CPU (docs/performance.md).</summary>
    private Task<Person?> DecisionFactsAsync(Guid personId, CancellationToken ct) => DecisionFacts.For(db)(db, personId, ct);

    private static readonly CompiledQueryPerModel<Func<MamoriDb, Guid, CancellationToken, Task<Person?>>> DecisionFacts = new(() =>
        EF.CompileAsyncQuery((MamoriDb db, Guid personId, CancellationToken ct) =>
            db.Set<Person>().AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new Person
                {
                    Id = p.Id, Kind = p.Kind, UseSuspended = p.UseSuspended, ProvisionSuspended = p.ProvisionSuspended, ErasedAt = p.ErasedAt,
                    Items = p.Items.Select(i => new PersonItem
                    {
                        Category = i.Category,
                        Provenance = new Provenance { SensitiveGround = i.Provenance.SensitiveGround, WrittenConsent = i.Provenance.WrittenConsent },
                    }).ToList(),
                })
                .SingleOrDefault()));

    /// <summary>The person's request flags (suspensions) with the facts of this use; also for other readers of a person's data.</summary>
    internal static SubjectState StateOf(Person person, SubjectFlags context) => new()
    {
        Flags = context
            | (person.UseSuspended ? SubjectFlags.UseSuspended : SubjectFlags.None)
            | (person.ProvisionSuspended ? SubjectFlags.ProvisionSuspended : SubjectFlags.None),
    };

    private SubjectState ItemState(SubjectState state, PersonItem item) =>
        WithProvenance(state, item.Provenance, [item.Category]);

    private SubjectState WithProvenance(SubjectState state, Provenance provenance, IEnumerable<string> categories)
    {
        var ground = provenance.SensitiveGround is { } g ? engine.Policy.SensitiveGroundId(g) : 0;
        var consent = state.WrittenConsent;
        if (provenance.WrittenConsent is not null)
        {
            foreach (var category in categories)
            {
                var id = engine.Policy.CategoryId(category);
                if (id >= 0)
                    consent = consent.With(id);
            }
        }
        return state with { SensitiveGround = ground > 0 ? ground : state.SensitiveGround, WrittenConsent = consent };
    }

    /// <summary>Records a denial before refusing, so every refused use is in the trail too.</summary>
    private async Task RequireAllowedAsync(Decision decision, string actor, string action, Guid personId, string purpose,
        IEnumerable<string> categories, CancellationToken ct, string? target = null)
    {
        if (decision.IsAllowed)
            return;
        await AuditAsync(actor, action, AuditOutcomes.Denied, personId, purpose, categories, decision.Reasons, ct, target);
        throw new UseDeniedException(decision.Reasons);
    }

    /// <summary>Appends to the audit trail, which also commits the context's pending changes. What a caller named
    /// but the policy does not know (a mistyped purpose or category) is left out: the trail holds policy ids only.</summary>
    private Task AuditAsync(string actor, string action, string outcome, Guid? personId, string? purpose,
        IEnumerable<string>? categories, IEnumerable<string>? reasons, CancellationToken ct, string? target = null) =>
        audit.AppendAsync(new AuditEvent(actor, action, outcome,
            purpose is not null && engine.Policy.PurposeId(purpose) >= 0 ? purpose : null,
            personId, null,
            categories is null ? null : [.. categories.Where(c => engine.Policy.CategoryId(c) >= 0)],
            reasons is null ? null : [.. reasons.Distinct()], target), ct);

    private static string[] SearchedCategories(PersonSearch search) =>
    [
        .. search.Email is not null ? [Categories.Email] : Array.Empty<string>(),
        .. search.Phone is not null ? [Categories.Phone] : Array.Empty<string>(),
        .. search.Name is not null ? [Categories.Name, Categories.Birthdate] : Array.Empty<string>(),
    ];

    private IReadOnlyList<string> DefaultPurposes(string kind) =>
        [.. policy.Document.Purposes.Where(p => p.SubjectKinds.Contains(kind)).Select(p => p.Id)];

    private Provenance Provenance(string channel, string? source, DateTimeOffset? acquiredAt, IReadOnlyList<string> purposes,
        string? ground, string? writtenConsent, IEnumerable<string> categories)
    {
        var document = policy.Document;
        if (!document.AcquisitionChannels.Any(c => c.Id == channel))
            throw new MamoriException("person.channel_unknown", $"Unknown acquisition channel '{channel}'. Channels: {string.Join(", ", document.AcquisitionChannels.Select(c => c.Id))}.");
        if (channel == "third_party" && string.IsNullOrWhiteSpace(source))
            throw new MamoriException("person.source_required", "Data received from a third party names its source.");
        if (source is { Length: > 200 })
            throw new MamoriException("person.source_invalid", "The source is at most 200 characters.");
        var unknown = purposes.FirstOrDefault(p => !document.Purposes.Any(x => x.Id == p));
        if (unknown is not null)
            throw new MamoriException("purpose.unknown", $"Unknown purpose '{unknown}'.");
        if (ground is not null && !document.SensitiveData.Grounds.Any(g => g.Id == ground))
            throw new MamoriException("sensitive.ground_unknown", $"Unknown §8 ground '{ground}'.");
        if (writtenConsent is { Length: 0 or > 200 })
            throw new MamoriException("sensitive.written_consent_invalid", "The written-consent reference is 1–200 characters.");
        var sensitive = categories.FirstOrDefault(c => document.DataCategories.Any(d => d.Id == c && d.Sensitive));
        if (sensitive is not null && ground is null && writtenConsent is null)
            throw new MamoriException("sensitive.no_ground",
                $"'{sensitive}' is sensitive (要配慮/機微): record the §8 ground or the written consent it rests on.");
        return new Provenance
        {
            Channel = channel,
            Source = source,
            AcquiredAt = acquiredAt ?? clock.GetUtcNow(),
            PolicyVersion = policy.Version,
            NotifiedPurposes = [.. purposes],
            SensitiveGround = ground,
            WrittenConsent = writtenConsent,
        };
    }

    private void ValidateTextItems(IReadOnlyDictionary<string, string> items)
    {
        if (items.Count is 0 or > MaxItems)
            throw new MamoriException("person.items_invalid", $"Give 1–{MaxItems} items.");
        foreach (var (category, value) in items)
        {
            if (engine.Policy.CategoryId(category) < 0)
                throw new MamoriException("category.unknown", $"Unknown data category '{category}'.");
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaxTextLength)
                throw new MamoriException("item.value_invalid", $"The value of '{category}' must be 1–{MaxTextLength} characters.");
            if (category == Categories.Birthdate && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw new MamoriException("item.birthdate_invalid", "A birthdate is written YYYY-MM-DD.");
        }
    }

    private void AddTextItem(Person person, DataKey key, string category, string value, Provenance provenance, string actor, DateTimeOffset now)
    {
        var item = new PersonItem
        {
            PersonId = person.Id, Category = category, ContentType = ItemContent.Text, Provenance = provenance.Copy(),
            CreatedAt = now, CreatedBy = actor,
        };
        item.Ciphertext = ItemCipher.EncryptText(key, category, item.Id, value);
        db.Set<PersonItem>().Add(item);
    }

    private static bool IsSearchable(string category) => category is Categories.Email or Categories.Phone or Categories.Name or Categories.NameKana or Categories.Birthdate;

    private static Dictionary<string, string> CurrentSearchableValues(Person person, DataKey key) =>
        person.Items.Where(i => IsSearchable(i.Category) && i.ContentType == ItemContent.Text)
            .GroupBy(i => i.Category)
            .ToDictionary(g => g.Key, g => ItemCipher.DecryptText(key, g.Key, g.Last().Id, g.Last().Ciphertext));

    private void AddLookups(Guid personId, IReadOnlyDictionary<string, string> items)
    {
        void Add(BlindIndexKind kind, string hash) => db.Set<PersonLookup>().Add(new PersonLookup { PersonId = personId, Kind = kind.ToString(), Hash = hash });

        if (items.TryGetValue(Categories.Email, out var email))
            Add(BlindIndexKind.Email, lookups.Email(email));
        if (items.TryGetValue(Categories.Phone, out var phone))
            Add(BlindIndexKind.Phone, lookups.Phone(phone));
        if (items.TryGetValue(Categories.Birthdate, out var birth) && DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthdate))
        {
            foreach (var name in new[] { Categories.Name, Categories.NameKana })
            {
                if (items.TryGetValue(name, out var value))
                    Add(BlindIndexKind.NameBirthdate, lookups.NameAndBirthdate(value, birthdate));
            }
        }
    }
}

/// <summary>The categories the vault indexes for search.</summary>
public static class Categories
{
    public const string Name = "contact.name";
    public const string NameKana = "contact.name_kana";
    public const string Birthdate = "contact.birthdate";
    public const string Phone = "contact.phone";
    public const string Email = "contact.email";
}
