using System.Security.Cryptography;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Incidents;
using Mamori.Staff;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Inquiries;

/// <summary>What a sender writes on the inquiry form (or staff enter for a call to the desk).</summary>
public sealed record SubmitInquiry(string? Kind, string? Name, string? Contact, string? Message, string? Lang);

/// <summary>What the sender is shown: the reference to quote.</summary>
public sealed record InquiryReceipt(Guid Id, string Reference, DateTimeOffset ReceivedAt);

/// <summary>An inquiry as lists show it: no personal data, so it can be listed without opening any.</summary>
public sealed record InquirySummary(Guid Id, string Reference, string Kind, string Status, string Channel, DateTimeOffset ReceivedAt,
    Guid? AssignedTo, DateTimeOffset? AssignedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt)
{
    internal static InquirySummary Of(Inquiry i) =>
        new(i.Id, i.Reference, i.Kind, i.Status, i.Channel, i.ReceivedAt, i.AssignedTo, i.AssignedAt, i.AnsweredAt, i.ClosedAt);
}

/// <summary>An inquiry opened: its summary, what the sender wrote and the answer recorded, decrypted.</summary>
public sealed record InquiryCase(InquirySummary Summary, string Lang, string Name, string Contact, string Message, string? Answer,
    string? AnsweredBy, string? ClosedBy);

/// <summary>A staff member who may handle inquiries, to assign one to.</summary>
public sealed record InquiryHandler(Guid Id, string DisplayName);

/// <summary>
/// The desk for complaints and questions (§12): receives them, lets staff assign, answer and close them. The sender's
/// words are sealed under a data key of the inquiry's own in the <see cref="KeyVault"/>; every step and every opening
/// of an inquiry leaves an audit entry with ids and codes only.
/// </summary>
public sealed class InquiryRegister(MamoriDb db, KeyVault keys, AuditTrail audit, TimeProvider clock)
{
    private const string NameField = "inquiry.name";
    private const string ContactField = "inquiry.contact";
    private const string MessageField = "inquiry.message";
    private const string AnswerField = "inquiry.answer";
    // No 0/O or 1/I: a reference is read out on the telephone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<InquiryReceipt> SubmitAsync(SubmitInquiry command, string channel, string actor, CancellationToken ct = default)
    {
        var kind = command.Kind?.Trim() ?? "";
        if (!InquiryKinds.All.Contains(kind))
            throw new MamoriException(InquiryCodes.KindUnknown, $"'kind' is one of {string.Join(", ", InquiryKinds.All)}.");
        var name = Text(command.Name, "name", Inquiry.MaxName);
        var contact = Text(command.Contact, "contact", Inquiry.MaxContact);
        var message = Text(command.Message, "message", Inquiry.MaxMessage);
        var now = clock.GetUtcNow();

        var inquiry = new Inquiry
        {
            Reference = NewReference(now),
            Kind = kind,
            Channel = channel,
            Lang = command.Lang == "en" ? "en" : "ja",
            ReceivedAt = now,
        };
        using (var key = await keys.CreateDataKeyAsync(inquiry.Id, ct))
        {
            inquiry.SealedName = ItemCipher.EncryptText(key, NameField, inquiry.Id, name);
            inquiry.SealedContact = ItemCipher.EncryptText(key, ContactField, inquiry.Id, contact);
            inquiry.SealedMessage = ItemCipher.EncryptText(key, MessageField, inquiry.Id, message);
        }
        db.Set<Inquiry>().Add(inquiry);
        // The key, the inquiry and the entry are saved together.
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.InquiryReceived, AuditOutcomes.Success,
            Reasons: ["kind:" + kind], Target: Target(inquiry.Id)), ct);
        return new InquiryReceipt(inquiry.Id, inquiry.Reference, inquiry.ReceivedAt);
    }

    /// <summary>Open inquiries first, oldest first (the longest waiting at the top); then the closed, newest first.</summary>
    public async Task<IReadOnlyList<InquirySummary>> ListAsync(bool includeClosed = true, int max = 500, CancellationToken ct = default)
    {
        var open = await db.Set<Inquiry>().AsNoTracking().Where(i => i.Status != InquiryStatuses.Closed)
            .OrderBy(i => i.ReceivedAt).Take(max).ToListAsync(ct);
        var closed = includeClosed
            ? await db.Set<Inquiry>().AsNoTracking().Where(i => i.Status == InquiryStatuses.Closed)
                .OrderByDescending(i => i.ReceivedAt).Take(max).ToListAsync(ct)
            : [];
        return [.. open.Concat(closed).Select(InquirySummary.Of)];
    }

    /// <summary>Opens an inquiry: decrypts what the sender wrote. Audited, as every access to personal data is.</summary>
    public async Task<InquiryCase> ReadAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var inquiry = await db.Set<Inquiry>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();
        using var key = await keys.GetDataKeyAsync(id, ct);
        var opened = new InquiryCase(InquirySummary.Of(inquiry), inquiry.Lang,
            ItemCipher.DecryptText(key, NameField, id, inquiry.SealedName),
            ItemCipher.DecryptText(key, ContactField, id, inquiry.SealedContact),
            ItemCipher.DecryptText(key, MessageField, id, inquiry.SealedMessage),
            inquiry.SealedAnswer is { } answer ? ItemCipher.DecryptText(key, AnswerField, id, answer) : null,
            inquiry.AnsweredBy, inquiry.ClosedBy);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.InquiryRead, AuditOutcomes.Success, Target: Target(id)), ct);
        return opened;
    }

    /// <summary>The staff members an inquiry can be assigned to: enabled accounts whose role may handle inquiries.</summary>
    public async Task<IReadOnlyList<InquiryHandler>> HandlersAsync(CancellationToken ct = default)
    {
        var staff = await db.StaffUsers.AsNoTracking().Where(u => !u.Disabled)
            .Select(u => new { u.Id, u.DisplayName, u.Role }).ToListAsync(ct);
        return [.. staff.Where(u => Roles.Allows(u.Role, Permission.ManageInquiries))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => new InquiryHandler(u.Id, u.DisplayName))];
    }

    /// <summary>Gives an open, unanswered inquiry to a staff member who may handle inquiries (again, to hand it over).</summary>
    public async Task<InquirySummary> AssignAsync(Guid id, Guid staffId, string actor, CancellationToken ct = default)
    {
        var inquiry = await FindAsync(id, ct);
        Require(inquiry, InquiryStatuses.Received, InquiryStatuses.Assigned);
        if (!(await HandlersAsync(ct)).Any(h => h.Id == staffId))
            throw new MamoriException(InquiryCodes.AssigneeInvalid, "Assign to an enabled staff member whose role may handle inquiries.");
        var from = inquiry.Status;
        inquiry.AssignedTo = staffId;
        inquiry.AssignedAt = clock.GetUtcNow();
        inquiry.Status = InquiryStatuses.Assigned;
        await SaveAsync(inquiry, AuditActions.InquiryAssigned, actor, ["from:" + from, "assignee:" + AuditActors.Staff(staffId)], ct);
        return InquirySummary.Of(inquiry);
    }

    /// <summary>Records the answer given to the sender of an assigned inquiry (sealed like the message).</summary>
    public async Task<InquirySummary> AnswerAsync(Guid id, string? answer, string actor, CancellationToken ct = default)
    {
        var text = Text(answer, "answer", Inquiry.MaxAnswer);
        var inquiry = await FindAsync(id, ct);
        Require(inquiry, InquiryStatuses.Assigned);
        using (var key = await keys.GetDataKeyAsync(id, ct))
            inquiry.SealedAnswer = ItemCipher.EncryptText(key, AnswerField, id, text);
        inquiry.AnsweredBy = actor;
        inquiry.AnsweredAt = clock.GetUtcNow();
        inquiry.Status = InquiryStatuses.Answered;
        await SaveAsync(inquiry, AuditActions.InquiryAnswered, actor, ["from:" + InquiryStatuses.Assigned], ct);
        return InquirySummary.Of(inquiry);
    }

    /// <summary>Closes an open inquiry; one closed unanswered says so in its audit entry.</summary>
    public async Task<InquirySummary> CloseAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var inquiry = await FindAsync(id, ct);
        Require(inquiry, InquiryStatuses.Received, InquiryStatuses.Assigned, InquiryStatuses.Answered);
        var from = inquiry.Status;
        inquiry.ClosedBy = actor;
        inquiry.ClosedAt = clock.GetUtcNow();
        inquiry.Status = InquiryStatuses.Closed;
        await SaveAsync(inquiry, AuditActions.InquiryClosed, actor,
            from == InquiryStatuses.Answered ? ["from:" + from] : ["from:" + from, "unanswered"], ct);
        return InquirySummary.Of(inquiry);
    }

    private async Task SaveAsync(Inquiry inquiry, string action, string actor, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        try
        {
            await audit.AppendAsync(new AuditEvent(actor, action, AuditOutcomes.Success, Reasons: reasons, Target: Target(inquiry.Id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MamoriException(InquiryCodes.Conflict, "The inquiry was changed by someone else at the same moment; reload it.", 409);
        }
    }

    private static void Require(Inquiry inquiry, params string[] states)
    {
        if (!states.Contains(inquiry.Status))
            throw new MamoriException(InquiryCodes.TransitionInvalid,
                $"Not possible while the inquiry is {inquiry.Status} (possible when {string.Join(" or ", states)}).", 409);
    }

    private async Task<Inquiry> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Inquiry>().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound();

    private static MamoriException NotFound() => new(InquiryCodes.NotFound, "No such inquiry.", 404);

    private static string Text(string? value, string field, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new MamoriException(InquiryCodes.FieldMissing, $"'{field}' is required.");
        return trimmed.Length <= max ? trimmed : throw new MamoriException(InquiryCodes.TextTooLong, $"'{field}' is at most {max} characters.");
    }

    /// <summary><c>Q-yyyyMMdd-XXXX</c>: the day in Japan and six random characters (a billion a day: a clash is never expected).</summary>
    private static string NewReference(DateTimeOffset now)
    {
        Span<char> random = stackalloc char[6];
        for (var i = 0; i < random.Length; i++)
            random[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        return "Q-" + ReportDeadlines.JapanDate(now).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + new string(random);
    }

    public static string Target(Guid id) => "inquiry:" + id.ToString("D");
}
