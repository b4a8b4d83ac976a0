using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Requests;

/// <summary>
/// One request from a data subject (開示等の請求等), from receipt to its answer. The columns hold ids, codes, times and
/// actors only; what the requester wrote (name, address, contact, the changes asked for) and what the agency answered
/// are encrypted under the case's own data key (<see cref="Payload"/>, <see cref="Result"/>), so a case's personal
/// data can be crypto-shredded on its own and is never readable from the database alone.
/// </summary>
public sealed class RequestCase
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>One of <see cref="RequestKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>One of <see cref="RequestChannels"/>.</summary>
    public string Channel { get; set; } = "";
    /// <summary>One of <see cref="AgentTypes"/>.</summary>
    public string AgentType { get; set; } = AgentTypes.None;
    /// <summary>The answer method the requester chose (a policy response method: electronic, paper).</summary>
    public string ResponseMethod { get; set; } = "";
    /// <summary>One of <see cref="RequestStatuses"/>.</summary>
    public string Status { get; set; } = RequestStatuses.Received;

    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The agency's own target (policy internalTargetDays after receipt).</summary>
    public DateTimeOffset TargetAt { get; set; }
    /// <summary>The outer deadline (policy dueDays after receipt; Art. 39 lets the requester sue after two weeks).</summary>
    public DateTimeOffset DueAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The person of the vault the request is about, once the operator matched the requester to them.</summary>
    public Guid? PersonId { get; set; }
    public DateTimeOffset? MatchedAt { get; set; }
    public string? MatchedBy { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }

    public bool FeeRequired { get; set; }
    public int FeeAmount { get; set; }
    public DateTimeOffset? FeeReceivedAt { get; set; }
    public string? FeeReceivedBy { get; set; }

    public DateTimeOffset? FulfilledAt { get; set; }
    public string? FulfilledBy { get; set; }

    /// <summary>When it was answered, refused or withdrawn, and by whom.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>The §10 ground (policy refusalGrounds id) of a refusal.</summary>
    public string? RefusalGround { get; set; }
    /// <summary>How the answer went out: electronic, or paper (chosen, or the fallback).</summary>
    public string? AnsweredMethod { get; set; }

    /// <summary>SHA-256 (hex) of the electronic answer's download token; the token itself is shown once.</summary>
    public string? DownloadTokenHash { get; set; }
    /// <summary>PBKDF2 salt and hash of the password sent separately from the link.</summary>
    public byte[]? DownloadPassword { get; set; }
    public DateTimeOffset? DownloadExpiresAt { get; set; }
    public int DownloadFailures { get; set; }
    public DateTimeOffset? DownloadedAt { get; set; }

    /// <summary>The application (<see cref="RequestContent"/>) as JSON, encrypted under the case's data key.</summary>
    public byte[] Payload { get; set; } = [];
    /// <summary>What was done and found (<see cref="RequestResult"/>) as JSON, encrypted likewise; null until fulfilled or refused.</summary>
    public byte[]? Result { get; set; }

    public List<RequestCheck> Checks { get; set; } = [];
    public List<RequestDocumentFile> Documents { get; set; } = [];
    public List<RequestTransition> Transitions { get; set; } = [];

    public bool IsClosed => Status is RequestStatuses.Answered or RequestStatuses.Refused or RequestStatuses.Withdrawn;
}

/// <summary>One document of the identity and agent checklist, ticked by an operator (who and when).</summary>
public sealed class RequestCheck
{
    public Guid RequestId { get; set; }
    /// <summary>A policy request document id (application_form, identity_document, power_of_attorney …).</summary>
    public string DocumentId { get; set; } = "";
    public DateTimeOffset? CheckedAt { get; set; }
    public string? CheckedBy { get; set; }
}

/// <summary>A scanned or uploaded document (PDF, JPEG or PNG, told by content), encrypted under the case's data key.</summary>
public sealed class RequestDocumentFile
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RequestId { get; set; }
    /// <summary>The checklist document it shows, or null for another enclosure.</summary>
    public string? DocumentId { get; set; }
    public string ContentType { get; set; } = "";
    public int Size { get; set; }
    public byte[] Ciphertext { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>A step of the workflow: from which state to which, when and by whom.</summary>
public sealed class RequestTransition
{
    public long Id { get; set; }
    public Guid RequestId { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
}

public static class RequestKinds
{
    public const string PurposeNotice = "purpose_notice";
    public const string Disclosure = "disclosure";
    public const string Correction = "correction";
    public const string Addition = "addition";
    public const string Deletion = "deletion";
    public const string SuspensionOfUse = "suspension_of_use";
    public const string Erasure = "erasure";
    public const string SuspensionOfProvision = "suspension_of_provision";
    public const string ProvisionRecordDisclosure = "provision_record_disclosure";

    public static readonly IReadOnlyList<string> All =
        [PurposeNotice, Disclosure, Correction, Addition, Deletion, SuspensionOfUse, Erasure, SuspensionOfProvision, ProvisionRecordDisclosure];
}

public static class RequestStatuses
{
    public const string Received = "received";
    public const string Verified = "verified";
    public const string Fulfilled = "fulfilled";
    public const string Answered = "answered";
    public const string Refused = "refused";
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlyList<string> All = [Received, Verified, Fulfilled, Answered, Refused, Withdrawn];
}

public static class RequestChannels
{
    /// <summary>By post, as the seed describes: the operator enters it and uploads the scans.</summary>
    public const string Mail = "mail";
    /// <summary>The online form, when the policy switches it on.</summary>
    public const string Online = "online";

    public static readonly IReadOnlyList<string> All = [Mail, Online];
}

public static class AgentTypes
{
    public const string None = "none";
    /// <summary>任意代理人: power of attorney with the registered seal, the seal certificate, the agent's ID.</summary>
    public const string Appointed = "appointed";
    /// <summary>法定代理人: proof of the representation, the representative's ID.</summary>
    public const string Legal = "legal";

    public static readonly IReadOnlyList<string> All = [None, Appointed, Legal];
}

public static class ResponseMethods
{
    public const string Electronic = "electronic";
    public const string Paper = "paper";
}

internal sealed class RequestCaseConfiguration : IEntityTypeConfiguration<RequestCase>
{
    public void Configure(EntityTypeBuilder<RequestCase> e)
    {
        e.ToTable("request_cases");
        e.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        e.Property(r => r.Channel).HasMaxLength(16).IsRequired();
        e.Property(r => r.AgentType).HasMaxLength(16).IsRequired();
        e.Property(r => r.ResponseMethod).HasMaxLength(32).IsRequired();
        // Every step checks the status it read is still the status it writes over, so two staff acting on one case
        // at once cannot both move it (the second gets request.conflict).
        e.Property(r => r.Status).HasMaxLength(16).IsRequired().IsConcurrencyToken();
        e.Property(r => r.CreatedBy).HasMaxLength(200).IsRequired();
        e.Property(r => r.MatchedBy).HasMaxLength(200);
        e.Property(r => r.VerifiedBy).HasMaxLength(200);
        e.Property(r => r.FeeReceivedBy).HasMaxLength(200);
        e.Property(r => r.FulfilledBy).HasMaxLength(200);
        e.Property(r => r.ClosedBy).HasMaxLength(200);
        e.Property(r => r.RefusalGround).HasMaxLength(64);
        e.Property(r => r.AnsweredMethod).HasMaxLength(32);
        e.Property(r => r.DownloadTokenHash).HasMaxLength(64);
        e.Property(r => r.DownloadPassword).HasMaxLength(64);
        e.Property(r => r.Payload).IsRequired();
        // The queue: open cases by due date. Disclosures list a person's earlier requests.
        e.HasIndex(r => new { r.Status, r.DueAt });
        e.HasIndex(r => r.PersonId);
        e.HasIndex(r => r.DownloadTokenHash).IsUnique();
        e.HasMany(r => r.Checks).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestCheckConfiguration : IEntityTypeConfiguration<RequestCheck>
{
    public void Configure(EntityTypeBuilder<RequestCheck> e)
    {
        e.ToTable("request_checks");
        e.HasKey(c => new { c.RequestId, c.DocumentId });
        e.Property(c => c.DocumentId).HasMaxLength(64);
        e.Property(c => c.CheckedBy).HasMaxLength(200);
    }
}

internal sealed class RequestDocumentFileConfiguration : IEntityTypeConfiguration<RequestDocumentFile>
{
    public void Configure(EntityTypeBuilder<RequestDocumentFile> e)
    {
        e.ToTable("request_documents");
        e.Property(d => d.DocumentId).HasMaxLength(64);
        e.Property(d => d.ContentType).HasMaxLength(32).IsRequired();
        e.Property(d => d.Ciphertext).IsRequired();
        e.Property(d => d.UploadedBy).HasMaxLength(200).IsRequired();
        e.HasIndex(d => d.RequestId);
    }
}

internal sealed class RequestTransitionConfiguration : IEntityTypeConfiguration<RequestTransition>
{
    public void Configure(EntityTypeBuilder<RequestTransition> e)
    {
        e.ToTable("request_transitions");
        e.Property(t => t.From).HasMaxLength(16).IsRequired();
        e.Property(t => t.To).HasMaxLength(16).IsRequired();
        e.Property(t => t.Actor).HasMaxLength(200).IsRequired();
        e.HasIndex(t => t.RequestId);
    }
}
