using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Provision;
using Mamori.Vault;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Requests;

/// <summary>A case with its application decrypted, for the console and the API.</summary>
/// <param name="Shredded">The case's data key was destroyed: <paramref name="Content"/> is blank and nothing more can be read.</param>
public sealed record RequestDetail(RequestCase Case, RequestContent Content, RequestResult? Result, IReadOnlyList<string> RequiredDocuments, bool Shredded = false);

/// <summary>An open case in the queue, without personal values.</summary>
public sealed record QueueEntry(Guid Id, string Kind, string Status, string Channel, DateTimeOffset ReceivedAt, DateTimeOffset TargetAt,
    DateTimeOffset DueAt, string Urgency, bool FeeRequired, bool FeeReceived, bool PersonMatched);

/// <summary>How an answer went out. An electronic answer's token and password are shown here once, never stored.</summary>
public sealed record AnswerIssued(string Method, bool FellBackToPaper, string? Token, string? Password, DateTimeOffset? ExpiresAt);

public static class Urgencies
{
    public const string Overdue = "overdue";
    /// <summary>Past the internal target, or within the last days before the deadline.</summary>
    public const string NearDue = "near_due";
    public const string OnTrack = "on_track";
}

/// <summary>
/// Requests from data subjects (開示等の請求等, APPI Arts. 32–39) from receipt to answer: intake by post or the online
/// form, documents, the identity and agent checklist, matching to the vault, the fee, fulfilment of each of the nine
/// kinds, the answer (electronic with an expiring link and a password, or on paper) and refusal on a §10 ground.
/// Every transition is recorded with its actor and appended to the audit trail (ids and codes only). The requester's
/// data is encrypted under the case's own data key (<see cref="KeyVault"/>), so it can be crypto-shredded like a person's.
/// </summary>
public sealed class RequestCases(MamoriDb db, KeyVault keys, PersonVault vault, DisclosurePackage disclosures, ProvisionRecords provisionRecords,
    CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public const int MaxName = 200;
    public const int MaxAddress = 500;
    public const int MaxText = 4000;
    public const int MaxDownloadFailures = 5;
    /// <summary>Cases this close to their deadline are marked near due even before the internal target.</summary>
    public static readonly TimeSpan NearDueWindow = TimeSpan.FromDays(3);

    private const string PayloadLabel = "request.data";
    private const string ResultLabel = "request.result";
    private const string DocumentLabel = "request.document";
    private const int PasswordIterations = 100_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Target(Guid id) => "request:" + id.ToString("D");

    private RequestProcedure Procedure => policy.Document.Requests;

    public async Task<RequestCase> OpenAsync(OpenRequest command, string actor, CancellationToken ct = default)
    {
        var kind = Procedure.Kinds.FirstOrDefault(k => k.Id == command.Kind)
            ?? throw new MamoriException(RequestCodes.KindUnknown, $"Unknown kind. Kinds: {string.Join(", ", Procedure.Kinds.Select(k => k.Id))}.");
        if (!RequestChannels.All.Contains(command.Channel))
            throw new MamoriException(RequestCodes.ChannelUnknown, "The channel is mail or online.");
        if (command.Channel == RequestChannels.Online && !Procedure.OnlineForm)
            throw new MamoriException(RequestCodes.OnlineFormClosed, "The policy takes requests by post only.", 403);
        if (!AgentTypes.All.Contains(command.AgentType))
            throw new MamoriException(RequestCodes.AgentTypeUnknown, "The agent is none, appointed or legal.");
        if (command.AgentType != AgentTypes.None && command.Agent is null)
            throw new MamoriException(RequestCodes.AgentMissing, "A request through an agent names the agent.");
        if (!Procedure.ResponseMethods.Any(m => m.Id == command.ResponseMethod))
            throw new MamoriException(RequestCodes.ResponseMethodUnknown, $"Answer methods: {string.Join(", ", Procedure.ResponseMethods.Select(m => m.Id))}.");
        var content = new RequestContent(ValidRequester(command.Requester),
            command.AgentType == AgentTypes.None ? null : ValidAgent(command.Agent!),
            Text(command.Details, "details", MaxText), ValidChanges(command.Kind, command.Changes), ValidCategories(command.Kind, command.Categories));

        var now = clock.GetUtcNow();
        var receivedAt = (command.ReceivedAt ?? now).ToUniversalTime();
        if (receivedAt > now.AddMinutes(5))
            throw new MamoriException(RequestCodes.ReceivedInFuture, "A request cannot arrive later than now.");
        var request = new RequestCase
        {
            Kind = kind.Id,
            Channel = command.Channel,
            AgentType = command.AgentType,
            ResponseMethod = command.ResponseMethod,
            ReceivedAt = receivedAt,
            TargetAt = receivedAt.AddDays(Procedure.InternalTargetDays),
            DueAt = receivedAt.AddDays(Procedure.DueDays),
            CreatedBy = actor,
            FeeRequired = kind.Fee,
            FeeAmount = kind.Fee ? Procedure.Fee.Amount : 0,
        };
        request.Checks = [.. RequiredDocuments(request.AgentType).Select(d => new RequestCheck { RequestId = request.Id, DocumentId = d })];
        using (var key = await keys.CreateDataKeyAsync(request.Id, ct))
            request.Payload = ItemCipher.EncryptText(key, PayloadLabel, request.Id, JsonSerializer.Serialize(content, Json));
        db.Set<RequestCase>().Add(request);
        db.Set<RequestTransition>().Add(new RequestTransition { RequestId = request.Id, From = "", To = RequestStatuses.Received, At = now, Actor = actor });
        await AuditAsync(actor, AuditActions.RequestOpened, request, ct);
        return request;
    }

    /// <summary>The case with its application decrypted; the read is audited.</summary>
    public async Task<RequestDetail> GetAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: false, ct);
        var detail = await DetailAsync(request, ct, allowShredded: true);
        await AuditAsync(actor, AuditActions.RequestRead, request, ct);
        return detail;
    }

    /// <summary>Open cases, nearest deadline first, each marked overdue, near due or on track.</summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(bool includeClosed = false, int max = 500, CancellationToken ct = default)
    {
        var query = db.Set<RequestCase>().AsNoTracking();
        if (!includeClosed)
            query = query.Where(r => r.Status == RequestStatuses.Received || r.Status == RequestStatuses.Verified || r.Status == RequestStatuses.Fulfilled);
        var rows = await query.Select(r => new { r.Id, r.Kind, r.Status, r.Channel, r.ReceivedAt, r.TargetAt, r.DueAt, r.FeeRequired, r.FeeReceivedAt, r.PersonId })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. rows.OrderBy(r => r.DueAt).ThenBy(r => r.ReceivedAt).Take(max)
            .Select(r => new QueueEntry(r.Id, r.Kind, r.Status, r.Channel, r.ReceivedAt, r.TargetAt, r.DueAt,
                Urgency(r.Status, r.TargetAt, r.DueAt, now), r.FeeRequired, r.FeeReceivedAt is not null, r.PersonId is not null))];
    }

    public static string Urgency(string status, DateTimeOffset targetAt, DateTimeOffset dueAt, DateTimeOffset now) =>
        status is RequestStatuses.Answered or RequestStatuses.Refused or RequestStatuses.Withdrawn ? Urgencies.OnTrack
        : now > dueAt ? Urgencies.Overdue
        : now > targetAt || dueAt - now <= NearDueWindow ? Urgencies.NearDue
        : Urgencies.OnTrack;

    /// <summary>Stores a scanned or uploaded document, encrypted; only PDF, JPEG and PNG, told by their first bytes.</summary>
    public async Task<RequestDocumentFile> AddDocumentAsync(Guid id, string? documentId, byte[] content, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireOpen(request);
        if (documentId is not null && !request.Checks.Any(c => c.DocumentId == documentId))
            throw new MamoriException(RequestCodes.DocumentUnknown, $"This case's documents: {string.Join(", ", request.Checks.Select(c => c.DocumentId))}.");
        if (content.Length == 0 || content.Length > Procedure.MaxDocumentBytes)
            throw new MamoriException(RequestCodes.DocumentSize, $"A document is 1 byte to {Procedure.MaxDocumentBytes / (1024 * 1024)} MB.", 413);
        var type = DocumentTypes.Of(content)
            ?? throw new MamoriException(RequestCodes.DocumentType, "Only PDF, JPEG and PNG documents are accepted.", 415);
        var file = new RequestDocumentFile
        {
            RequestId = request.Id, DocumentId = documentId, ContentType = type, Size = content.Length,
            UploadedAt = clock.GetUtcNow(), UploadedBy = actor,
        };
        using (var key = await keys.GetDataKeyAsync(request.Id, ct))
            file.Ciphertext = ItemCipher.Encrypt(key, DocumentLabel, file.Id, content);
        db.Set<RequestDocumentFile>().Add(file);
        await AuditAsync(actor, AuditActions.RequestDocumentAdded, request, ct);
        return file;
    }

    public async Task<(RequestDocumentFile File, byte[] Content)> ReadDocumentAsync(Guid id, Guid documentFileId, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: false, ct);
        var file = request.Documents.SingleOrDefault(d => d.Id == documentFileId)
            ?? throw new MamoriException(RequestCodes.DocumentNotFound, "No such document on this case.", 404);
        byte[] content;
        using (var key = await keys.GetDataKeyAsync(request.Id, ct))
            content = ItemCipher.Decrypt(key, DocumentLabel, file.Id, file.Ciphertext);
        await AuditAsync(actor, AuditActions.RequestDocumentRead, request, ct);
        return (file, content);
    }

    /// <summary>Persons the requester may be, found through the vault's blind indexes (email, phone, name with birthdate).</summary>
    public async Task<IReadOnlyList<PersonMatch>> CandidatesAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: false, ct);
        var who = (await DetailAsync(request, ct)).Content.Requester;
        var search = new PersonSearch(who.Email, who.Phone, who.Birthdate is null ? null : who.Name, who.Birthdate);
        if (search.Email is null && search.Phone is null && search.Name is null)
            return [];
        return await vault.SearchAsync(search, actor, ct);
    }

    public async Task<RequestCase> MatchAsync(Guid id, Guid personId, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireStatus(request, RequestStatuses.Received);
        await vault.DescribeAsync(personId, ct); // exists and not erased
        request.PersonId = personId;
        request.MatchedAt = clock.GetUtcNow();
        request.MatchedBy = actor;
        await AuditAsync(actor, AuditActions.RequestPersonMatched, request, ct);
        return request;
    }

    /// <summary>Ticks (or unticks) one document of the identity and agent checklist, recording who and when.</summary>
    public async Task<RequestCase> CheckAsync(Guid id, string documentId, bool isChecked, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireStatus(request, RequestStatuses.Received);
        var check = request.Checks.SingleOrDefault(c => c.DocumentId == documentId)
            ?? throw new MamoriException(RequestCodes.DocumentUnknown, $"This case's documents: {string.Join(", ", request.Checks.Select(c => c.DocumentId))}.");
        check.CheckedAt = isChecked ? clock.GetUtcNow() : null;
        check.CheckedBy = isChecked ? actor : null;
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.RequestChecked, AuditOutcomes.Success, PersonId: request.PersonId,
            Reasons: [documentId, isChecked ? "checked" : "unchecked"], Target: Target(request.Id)), ct);
        return request;
    }

    /// <summary>The requester is the person (or their proper agent): every document ticked and the person matched.</summary>
    public async Task<RequestCase> VerifyAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireStatus(request, RequestStatuses.Received);
        if (request.PersonId is null)
            throw new MamoriException(RequestCodes.PersonNotMatched, "Match the requester to a person of the vault first.", 409);
        var missing = request.Checks.Where(c => c.CheckedAt is null).Select(c => c.DocumentId).ToList();
        if (missing.Count > 0)
            throw new MamoriException(RequestCodes.ChecklistIncomplete, $"Not yet checked: {string.Join(", ", missing)}.", 409);
        var now = clock.GetUtcNow();
        request.VerifiedAt = now;
        request.VerifiedBy = actor;
        Move(request, RequestStatuses.Verified, actor, now);
        await AuditAsync(actor, AuditActions.RequestVerified, request, ct);
        return request;
    }

    /// <summary>Records the postal money order (定額小為替) for the fee; fulfilment waits for it.</summary>
    public async Task<RequestCase> RecordFeeAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireOpen(request);
        if (!request.FeeRequired)
            throw new MamoriException(RequestCodes.FeeNotRequired, "No fee is charged for this kind of request.", 409);
        if (request.FeeReceivedAt is not null)
            throw new MamoriException(RequestCodes.FeeAlreadyReceived, "The fee was already recorded.", 409);
        request.FeeReceivedAt = clock.GetUtcNow();
        request.FeeReceivedBy = actor;
        await AuditAsync(actor, AuditActions.RequestFeeReceived, request, ct);
        return request;
    }

    /// <summary>Carries the verified request out against the vault, the signals, the consents and the records.</summary>
    public async Task<RequestDetail> FulfilAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        if (request.Status == RequestStatuses.Received)
            throw new MamoriException(RequestCodes.IdentityUnverified, "The requester's identity is not verified; a request that cannot be verified is refused on that ground.", 409);
        RequireStatus(request, RequestStatuses.Verified);
        if (request.FeeRequired && request.FeeReceivedAt is null)
            throw new MamoriException(RequestCodes.FeeUnpaid, $"The fee of ¥{request.FeeAmount:N0} has not been received.", 409);
        var content = (await DetailAsync(request, ct)).Content;
        var personId = request.PersonId!.Value;
        var target = Target(request.Id);

        // Erasure shreds the key in a transaction of its own; everything else commits with the case in one.
        var erasing = request.Kind == RequestKinds.Erasure && !(await KeptCategoriesAsync(personId, null, ct)).Any();
        await using var transaction = erasing ? null : await db.Database.BeginTransactionAsync(ct);
        var result = await CarryOutAsync(request, content, personId, actor, target, ct);
        var now = clock.GetUtcNow();
        request.Result = await SealResultAsync(request.Id, result, ct);
        request.FulfilledAt = now;
        request.FulfilledBy = actor;
        Move(request, RequestStatuses.Fulfilled, actor, now);
        await AuditAsync(actor, AuditActions.RequestFulfilled, request, ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return new RequestDetail(request, content, result, [.. request.Checks.Select(c => c.DocumentId)]);
    }

    private async Task<RequestResult> CarryOutAsync(RequestCase request, RequestContent content, Guid personId, string actor, string target, CancellationToken ct)
    {
        switch (request.Kind)
        {
            case RequestKinds.PurposeNotice:
                return new RequestResult { Purposes = await PurposesForAsync(personId, ct) };
            case RequestKinds.Disclosure:
                return new RequestResult { Disclosure = await disclosures.BuildAsync(personId, actor, request.Id, ct) };
            case RequestKinds.ProvisionRecordDisclosure:
                return new RequestResult { ProvisionRecords = await provisionRecords.ForPersonAsync(personId, actor, ct) };
            case RequestKinds.Correction:
            case RequestKinds.Addition:
                var changed = await vault.CorrectForRequestAsync(personId, content.Changes, request.Kind == RequestKinds.Correction, actor, target, ct);
                return new RequestResult { Changes = [.. changed.Select(c => new ChangedItem(c.Category, c.Before, c.After))] };
            case RequestKinds.Deletion:
            case RequestKinds.Erasure:
                return await DeleteAsync(request, content, personId, actor, target, ct);
            case RequestKinds.SuspensionOfUse:
                await vault.SuspendForRequestAsync(personId, use: true, provision: false, actor, target, ct);
                return new RequestResult { UseSuspended = true };
            case RequestKinds.SuspensionOfProvision:
                await vault.SuspendForRequestAsync(personId, use: false, provision: true, actor, target, ct);
                return new RequestResult { ProvisionSuspended = true };
            default:
                throw new MamoriException(RequestCodes.KindUnknown, "Unknown kind.");
        }
    }

    /// <summary>Deletion removes the named categories, erasure everything; what a law obliges the agency to keep stays,
    /// suspended from use (only legal duties may use it), with the reason. Erasure of a person with nothing kept by
    /// law destroys their data key (crypto-shredding).</summary>
    private async Task<RequestResult> DeleteAsync(RequestCase request, RequestContent content, Guid personId, string actor, string target, CancellationToken ct)
    {
        var erasure = request.Kind == RequestKinds.Erasure;
        var held = await db.Set<PersonItem>().AsNoTracking().Where(i => i.PersonId == personId).Select(i => i.Category).Distinct().ToListAsync(ct);
        var wanted = erasure ? held : [.. content.Categories];
        var kept = await KeptCategoriesAsync(personId, wanted, ct);
        if (erasure && kept.Count == 0)
        {
            await vault.EraseAsync(personId, "erasure requested by the person (" + target + ")", actor, ct);
            return new RequestResult { Erased = true, Deleted = [.. held.Order(StringComparer.Ordinal)] };
        }
        var keptIds = kept.Select(k => k.Category).ToHashSet(StringComparer.Ordinal);
        var deleted = await vault.DeleteForRequestAsync(personId, [.. wanted.Where(c => !keptIds.Contains(c))], suspendUse: kept.Count > 0, actor, target, ct);
        return new RequestResult { Deleted = deleted, Kept = kept, UseSuspended = kept.Count > 0 };
    }

    /// <summary>The categories among <paramref name="wanted"/> (all when null) that the person holds and a law obliges keeping.</summary>
    private async Task<IReadOnlyList<KeptItem>> KeptCategoriesAsync(Guid personId, IReadOnlyCollection<string>? wanted, CancellationToken ct)
    {
        var keptByLaw = Procedure.CategoriesKeptByLaw.Where(k => wanted is null || wanted.Contains(k.Category)).ToList();
        if (keptByLaw.Count == 0)
            return [];
        var categories = keptByLaw.Select(k => k.Category).ToList();
        var held = await db.Set<PersonItem>().AsNoTracking().Where(i => i.PersonId == personId && categories.Contains(i.Category))
            .Select(i => i.Category).Distinct().ToListAsync(ct);
        return [.. keptByLaw.Where(k => held.Contains(k.Category)).Select(k => new KeptItem(k.Category, k.Reason.Ja, k.Reason.En))];
    }

    /// <summary>The purposes that apply to this person: those of their kind that use what the agency holds about them,
    /// or that they were notified of when it was acquired; with nothing held, every purpose of their kind.</summary>
    private async Task<IReadOnlyList<PurposeLine>> PurposesForAsync(Guid personId, CancellationToken ct)
    {
        var person = await vault.DescribeAsync(personId, ct);
        var items = await db.Set<PersonItem>().AsNoTracking().Where(i => i.PersonId == personId).Select(i => new { i.Category, i.Provenance.NotifiedPurposes })
            .ToListAsync(ct);
        var categories = items.Select(i => i.Category).ToHashSet(StringComparer.Ordinal);
        var notified = items.SelectMany(i => i.NotifiedPurposes).ToHashSet(StringComparer.Ordinal);
        var ofKind = policy.Document.Purposes.Where(p => p.SubjectKinds.Contains(person.Kind)).ToList();
        var applying = items.Count == 0 ? ofKind : ofKind.Where(p => notified.Contains(p.Id) || p.Categories.Any(categories.Contains)).ToList();
        return [.. applying.Select(p => new PurposeLine(p.Id, p.Label.Ja, p.Label.En))];
    }

    /// <summary>Sends the answer by the method the requester chose: electronic (a download link with an expiring token,
    /// and a password to send separately) or paper; an electronic answer falls back to paper, to the application's
    /// address, when it cannot be sent (<paramref name="fallBackToPaper"/>, or no email to send the link to).</summary>
    public async Task<AnswerIssued> AnswerAsync(Guid id, bool fallBackToPaper, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        RequireStatus(request, RequestStatuses.Fulfilled);
        var content = (await DetailAsync(request, ct)).Content;
        var reachable = content.Requester.Email is not null || content.Agent?.Email is not null;
        var electronic = request.ResponseMethod == ResponseMethods.Electronic && !fallBackToPaper && reachable;
        var now = clock.GetUtcNow();
        AnswerIssued issued;
        if (electronic)
        {
            var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            var password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 12);
            request.DownloadTokenHash = TokenHash(token);
            request.DownloadPassword = HashPassword(password);
            request.DownloadExpiresAt = now.AddDays(Procedure.AnswerLinkValidDays);
            request.AnsweredMethod = ResponseMethods.Electronic;
            issued = new AnswerIssued(ResponseMethods.Electronic, false, token, password, request.DownloadExpiresAt);
        }
        else
        {
            request.AnsweredMethod = ResponseMethods.Paper;
            issued = new AnswerIssued(ResponseMethods.Paper, request.ResponseMethod != ResponseMethods.Paper, null, null, null);
        }
        request.ClosedAt = now;
        request.ClosedBy = actor;
        Move(request, RequestStatuses.Answered, actor, now);
        await AuditAsync(actor, AuditActions.RequestAnswered, request, ct);
        return issued;
    }

    /// <summary>Refuses on a §10 ground (policy refusalGrounds) with the reason in words; the refusal letter names both.</summary>
    public async Task<RequestCase> RefuseAsync(Guid id, string ground, string? reason, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        if (request.Status is not (RequestStatuses.Received or RequestStatuses.Verified))
            throw InvalidTransition(request, RequestStatuses.Refused);
        if (!policy.Document.RefusalGrounds.Any(g => g.Id == ground))
            throw new MamoriException(RequestCodes.GroundUnknown, $"Grounds: {string.Join(", ", policy.Document.RefusalGrounds.Select(g => g.Id))}.");
        var text = Text(reason, "reason", MaxText) ?? throw new MamoriException(RequestCodes.ReasonMissing, "A refusal states its reason (Art. 36).");
        var now = clock.GetUtcNow();
        request.RefusalGround = ground;
        request.Result = await SealResultAsync(request.Id, new RequestResult { RefusalReason = text }, ct);
        request.ClosedAt = now;
        request.ClosedBy = actor;
        Move(request, RequestStatuses.Refused, actor, now);
        await AuditAsync(actor, AuditActions.RequestRefused, request, ct, ground);
        return request;
    }

    public async Task<RequestCase> WithdrawAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        if (request.Status is not (RequestStatuses.Received or RequestStatuses.Verified))
            throw InvalidTransition(request, RequestStatuses.Withdrawn);
        var now = clock.GetUtcNow();
        request.ClosedAt = now;
        request.ClosedBy = actor;
        Move(request, RequestStatuses.Withdrawn, actor, now);
        await AuditAsync(actor, AuditActions.RequestWithdrawn, request, ct);
        return request;
    }

    /// <summary>What the requester receives (the answer or the refusal letter); the read is audited.</summary>
    public async Task<RequestDetail> PackageAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: false, ct);
        if (request.Result is null)
            throw new MamoriException(RequestCodes.NotReady, "Nothing to send yet: the request is neither fulfilled nor refused.", 409);
        var detail = await DetailAsync(request, ct);
        await AuditAsync(actor, AuditActions.RequestPackageRead, request, ct);
        return detail;
    }

    /// <summary>The requester's download of an electronic answer: the token from the link and the password sent apart.
    /// Wrong passwords count; after <see cref="MaxDownloadFailures"/> the link is locked.</summary>
    public async Task<RequestDetail> DownloadAsync(string? token, string? password, CancellationToken ct = default)
    {
        var hash = string.IsNullOrEmpty(token) || token.Length > 100 ? null : TokenHash(token);
        var request = hash is null ? null : await db.Set<RequestCase>().Include(r => r.Checks).SingleOrDefaultAsync(r => r.DownloadTokenHash == hash, ct);
        if (request is null)
            throw new MamoriException(RequestCodes.DownloadUnknown, "This download link is not valid.", 404);
        if (clock.GetUtcNow() > request.DownloadExpiresAt)
            throw new MamoriException(RequestCodes.DownloadExpired, "This download link has expired; ask the desk for the answer on paper.", 410);
        if (request.DownloadFailures >= MaxDownloadFailures)
            throw new MamoriException(RequestCodes.DownloadLocked, "Too many wrong passwords; ask the desk for the answer on paper.", 423);
        if (string.IsNullOrEmpty(password) || password.Length > 100 || !PasswordMatches(request.DownloadPassword!, password))
        {
            request.DownloadFailures++;
            await audit.AppendAsync(new AuditEvent(AuditActors.Anonymous, AuditActions.RequestDownloaded, AuditOutcomes.Denied,
                PersonId: request.PersonId, Reasons: [RequestCodes.DownloadPassword], Target: Target(request.Id)), ct);
            throw new MamoriException(RequestCodes.DownloadPassword, "The password is not right.", 403);
        }
        request.DownloadedAt ??= clock.GetUtcNow();
        await audit.AppendAsync(new AuditEvent(AuditActors.Anonymous, AuditActions.RequestDownloaded, AuditOutcomes.Success,
            PersonId: request.PersonId, Target: Target(request.Id)), ct);
        return await DetailAsync(request, ct);
    }

    /// <summary>Destroys the data key of a closed case (crypto-shredding): the requester's data, the documents and the
    /// answer become unreadable for good, while the case's codes, dates and history stay as the record of handling it.</summary>
    public async Task<RequestCase> ShredAsync(Guid id, string reason, string actor, CancellationToken ct = default)
    {
        var request = await FindAsync(id, tracked: true, ct);
        if (!request.IsClosed)
            throw new MamoriException(RequestCodes.InvalidTransition, "Only an answered, refused or withdrawn request can be shredded.", 409);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            throw new MamoriException(RequestCodes.ReasonMissing, "Say why (1–500 characters, no personal data).");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<RequestDocumentFile>().RemoveRange(request.Documents);
        request.DownloadTokenHash = null;
        request.DownloadPassword = null;
        await keys.ShredAsync(request.Id, reason, actor, ct); // saves the above
        await AuditAsync(actor, AuditActions.RequestShredded, request, ct);
        await transaction.CommitAsync(ct);
        return request;
    }

    /// <summary>The checklist a case needs: A and B, plus the agent's documents by the kind of agent.</summary>
    public IReadOnlyList<string> RequiredDocuments(string agentType) =>
    [
        .. Procedure.Documents.Select(d => d.Id),
        .. (agentType switch
        {
            AgentTypes.Appointed => Procedure.AppointedAgentDocuments,
            AgentTypes.Legal => Procedure.LegalAgentDocuments,
            _ => [],
        }).Select(d => d.Id),
    ];

    private async Task<RequestDetail> DetailAsync(RequestCase request, CancellationToken ct, bool allowShredded = false)
    {
        if (await keys.IsShreddedAsync(request.Id, ct))
        {
            return allowShredded
                ? new RequestDetail(request, new RequestContent(new Requester("", ""), null, null, new Dictionary<string, string>(), []), null,
                    [.. request.Checks.Select(c => c.DocumentId)], Shredded: true)
                : throw new MamoriException(RequestCodes.Shredded, "This request's data was shredded; it can no longer be read.", 410);
        }
        using var key = await keys.GetDataKeyAsync(request.Id, ct);
        var content = JsonSerializer.Deserialize<RequestContent>(ItemCipher.DecryptText(key, PayloadLabel, request.Id, request.Payload), Json)!;
        var result = request.Result is null ? null
            : JsonSerializer.Deserialize<RequestResult>(ItemCipher.DecryptText(key, ResultLabel, request.Id, request.Result), Json);
        return new RequestDetail(request, content, result, [.. request.Checks.Select(c => c.DocumentId)]);
    }

    private async Task<byte[]> SealResultAsync(Guid id, RequestResult result, CancellationToken ct)
    {
        using var key = await keys.GetDataKeyAsync(id, ct);
        return ItemCipher.EncryptText(key, ResultLabel, id, JsonSerializer.Serialize(result, Json));
    }

    private async Task<RequestCase> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var query = db.Set<RequestCase>().Include(r => r.Checks).Include(r => r.Documents).Include(r => r.Transitions).AsSplitQuery();
        var request = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, ct);
        return request ?? throw new MamoriException(RequestCodes.NotFound, "No such request.", 404);
    }

    private void Move(RequestCase request, string to, string actor, DateTimeOffset at)
    {
        db.Set<RequestTransition>().Add(new RequestTransition { RequestId = request.Id, From = request.Status, To = to, At = at, Actor = actor });
        request.Status = to;
    }

    private static void RequireStatus(RequestCase request, string status)
    {
        if (request.Status != status)
            throw new MamoriException(RequestCodes.InvalidTransition, $"The request is {request.Status}; this step needs it {status}.", 409);
    }

    private static void RequireOpen(RequestCase request)
    {
        if (request.IsClosed)
            throw new MamoriException(RequestCodes.InvalidTransition, $"The request is {request.Status}.", 409);
    }

    private static MamoriException InvalidTransition(RequestCase request, string to) =>
        new(RequestCodes.InvalidTransition, $"A {request.Status} request cannot become {to}.", 409);

    /// <summary>Appends the step's audit entry, which saves the step with it (one SaveChanges).</summary>
    private async Task AuditAsync(string actor, string action, RequestCase request, CancellationToken ct, string? ground = null)
    {
        try
        {
            await audit.AppendAsync(new AuditEvent(actor, action, AuditOutcomes.Success, PersonId: request.PersonId,
                Reasons: ground is null ? [request.Kind, request.Status] : [request.Kind, request.Status, ground], Target: Target(request.Id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MamoriException(RequestCodes.Conflict, "Someone else changed this request meanwhile; reload it and try again.", 409);
        }
    }

    private static Requester ValidRequester(Requester? r)
    {
        if (r is null)
            throw new MamoriException(RequestCodes.RequesterInvalid, "Give the requester's name and address.");
        return new Requester(
            Text(r.Name, "requester.name", MaxName) ?? throw new MamoriException(RequestCodes.RequesterInvalid, "The requester's name is required."),
            Text(r.Address, "requester.address", MaxAddress) ?? throw new MamoriException(RequestCodes.RequesterInvalid, "The requester's address is required (paper answers go there)."),
            Text(r.NameKana, "requester.nameKana", MaxName), r.Birthdate, Text(r.PostalCode, "requester.postalCode", 16),
            Text(r.Phone, "requester.phone", 32), Email(r.Email));
    }

    private static Agent ValidAgent(Agent a) => new(
        Text(a.Name, "agent.name", MaxName) ?? throw new MamoriException(RequestCodes.AgentMissing, "The agent's name is required."),
        Text(a.Address, "agent.address", MaxAddress), Text(a.Phone, "agent.phone", 32), Email(a.Email));

    private static string? Email(string? value)
    {
        var email = Text(value, "email", 254);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
            throw new MamoriException(RequestCodes.RequesterInvalid, "The email address is not valid.");
        return email;
    }

    private Dictionary<string, string> ValidChanges(string kind, IReadOnlyDictionary<string, string>? changes)
    {
        var wanted = kind is RequestKinds.Correction or RequestKinds.Addition;
        if (!wanted)
            return [];
        if (changes is null || changes.Count is 0 or > PersonVault.MaxItems)
            throw new MamoriException(RequestCodes.ChangesMissing, "Correction and addition name each category and the value the person says is right.");
        foreach (var (category, value) in changes)
        {
            if (!policy.Document.DataCategories.Any(c => c.Id == category))
                throw new MamoriException("category.unknown", "Unknown data category; use the policy's category ids.");
            if (string.IsNullOrWhiteSpace(value) || value.Length > PersonVault.MaxTextLength)
                throw new MamoriException(RequestCodes.ChangesMissing, $"Each value is 1–{PersonVault.MaxTextLength} characters.");
        }
        return changes.ToDictionary(StringComparer.Ordinal);
    }

    private List<string> ValidCategories(string kind, IReadOnlyList<string>? categories)
    {
        if (kind != RequestKinds.Deletion)
            return [];
        if (categories is null || categories.Count == 0)
            throw new MamoriException(RequestCodes.CategoriesMissing, "A deletion names the categories to delete.");
        if (categories.FirstOrDefault(c => !policy.Document.DataCategories.Any(d => d.Id == c)) is not null)
            throw new MamoriException("category.unknown", "Unknown data category; use the policy's category ids.");
        return [.. categories.Distinct(StringComparer.Ordinal)];
    }

    private static string? Text(string? value, string field, int max)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is { Length: var length } && length > max)
            throw new MamoriException(RequestCodes.TextTooLong, $"'{field}' is at most {max} characters.");
        return trimmed;
    }

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static byte[] HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return [.. salt, .. Rfc2898DeriveBytes.Pbkdf2(password, salt, PasswordIterations, HashAlgorithmName.SHA256, 32)];
    }

    private static bool PasswordMatches(byte[] stored, string password) =>
        CryptographicOperations.FixedTimeEquals(stored.AsSpan(16),
            Rfc2898DeriveBytes.Pbkdf2(password, stored.AsSpan(0, 16).ToArray(), PasswordIterations, HashAlgorithmName.SHA256, 32));
}

/// <summary>The document types a request accepts, told by their first bytes rather than by what the sender claims.</summary>
public static class DocumentTypes
{
    public static string? Of(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;
}
