using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Inquiries;

/// <summary>
/// A complaint or question sent to the personal-information desk (§12), tracked from receipt to its answer.
/// What the sender wrote — name, contact, message — and the answer are personal data: they are stored only as
/// ciphertexts under the inquiry's own data key in the key vault, so shredding that key erases them everywhere.
/// The rest (kind, state, who handles it, when) holds no personal data and is what lists and audit entries show.
/// </summary>
public sealed class Inquiry
{
    public const int MaxName = 100;
    public const int MaxContact = 200;
    public const int MaxMessage = 4000;
    public const int MaxAnswer = 4000;
    public const int ReferenceLength = 20;

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>What the sender is told to quote, e.g. <c>Q-20261127-7KQM4X</c>; reveals nothing but the day.</summary>
    public string Reference { get; set; } = "";
    /// <summary>One of <see cref="InquiryKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>One of <see cref="InquiryStatuses"/>.</summary>
    public string Status { get; set; } = InquiryStatuses.Received;
    /// <summary>How it reached us: <see cref="InquiryChannels"/>.</summary>
    public string Channel { get; set; } = InquiryChannels.Form;
    /// <summary>The language the sender wrote in (ja, en): the one to answer in.</summary>
    public string Lang { get; set; } = "ja";
    public DateTimeOffset ReceivedAt { get; set; }

    public Guid? AssignedTo { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    // Sealed with ItemCipher under the inquiry's data key; the field name is the associated data's category.
    public byte[] SealedName { get; set; } = [];
    public byte[] SealedContact { get; set; } = [];
    public byte[] SealedMessage { get; set; } = [];
    public byte[]? SealedAnswer { get; set; }

    public bool IsOpen => Status != InquiryStatuses.Closed;
}

/// <summary>The kinds of inquiry the form offers (§12: complaints and questions about the policy and our handling).</summary>
public static class InquiryKinds
{
    public const string Complaint = "complaint";
    public const string Question = "question";
    /// <summary>The sender asks us to stop using their data (e.g. for marketing); staff may open a request for it.</summary>
    public const string OptOut = "opt_out";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Complaint, Question, OptOut, Other];
}

/// <summary>received → assigned → answered → closed; any open inquiry may be closed (e.g. spam that got through).</summary>
public static class InquiryStatuses
{
    public const string Received = "received";
    public const string Assigned = "assigned";
    public const string Answered = "answered";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Received, Assigned, Answered, Closed];
}

public static class InquiryChannels
{
    /// <summary>The public form at /privacy/inquiry.</summary>
    public const string Form = "form";
    /// <summary>Entered by staff or a system through the API (e.g. a call to the desk).</summary>
    public const string Api = "api";
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> e)
    {
        e.ToTable("inquiries");
        e.Property(i => i.Reference).HasMaxLength(Inquiry.ReferenceLength).IsRequired();
        e.HasIndex(i => i.Reference).IsUnique();
        e.Property(i => i.Kind).HasMaxLength(20).IsRequired();
        // Every transition changes the state: two staff acting at once on the same inquiry cannot both succeed.
        e.Property(i => i.Status).HasMaxLength(20).IsRequired().IsConcurrencyToken();
        e.Property(i => i.Channel).HasMaxLength(20).IsRequired();
        e.Property(i => i.Lang).HasMaxLength(2).IsRequired();
        e.Property(i => i.AnsweredBy).HasMaxLength(200);
        e.Property(i => i.ClosedBy).HasMaxLength(200);
        e.Property(i => i.SealedName).IsRequired();
        e.Property(i => i.SealedContact).IsRequired();
        e.Property(i => i.SealedMessage).IsRequired();
        e.Ignore(i => i.IsOpen);
        e.HasIndex(i => new { i.Status, i.ReceivedAt });
    }
}
