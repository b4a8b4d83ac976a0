using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Parties;

/// <summary>
/// One concrete party the agency deals with — a co-solicitor, an insurer, a group company, a contractor… — with what
/// Arts. 27–30 ask to be known of it: name, address, representative, country, contract and relationship. It belongs to a
/// recipient of the policy (<see cref="PolicyRecipientId"/>: the policy names the kinds and some recipients; the
/// registry holds the actual parties). Provisions to <see cref="Code"/> take the party's particulars into the Art. 29
/// record. These are an organisation's published particulars, not a data subject's personal data, so they are stored
/// in clear like the records that quote them.
/// </summary>
public sealed class Party
{
    public const int MaxName = 200;
    public const int MaxText = 1000;
    public const int MaxCode = 64;

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>What a provision names as its recipient; unique, lower-case letters, digits, '_' and '-'.</summary>
    public string Code { get; set; } = "";
    /// <summary>One of <see cref="PartyKinds.All"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The policy recipient this party belongs to (of the same kind); none for a contractor the policy does not list.</summary>
    public string? PolicyRecipientId { get; set; }
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string? Address { get; set; }
    public string? Representative { get; set; }
    /// <summary>ISO 3166-1 alpha-2, or "unknown".</summary>
    public string Country { get; set; } = "JP";
    /// <summary>The contract binding it, e.g. the confidentiality agreement and its date.</summary>
    public string? Contract { get; set; }
    public string? Relationship { get; set; }
    /// <summary>Shown on the public co-solicitor list (co-solicitors only).</summary>
    public bool Listed { get; set; }
    /// <summary>For a contractor (§7): the work entrusted to it.</summary>
    public string? EntrustedWork { get; set; }
    /// <summary>For a contractor: the data categories entrusted to it.</summary>
    public List<string> EntrustedItems { get; set; } = [];
    /// <summary>For a contractor: how often its handling is evaluated (supervision, Art. 25).</summary>
    public int EvaluationIntervalMonths { get; set; } = 12;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The relationship ended: no further provision goes to it; the row stays for the records that name it.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public bool Active => EndedAt is null;

    public string Name(string lang) => lang == "en" && NameEn.Length > 0 ? NameEn : NameJa;
}

/// <summary>The recipient kinds the policy's vocabulary knows (§5, §4(1)①, §6, §7).</summary>
public static class PartyKinds
{
    public const string GroupCompany = "group_company";
    public const string CoSolicitor = "co_solicitor";
    public const string Insurer = "insurer";
    public const string Contractor = "contractor";

    public static readonly IReadOnlyList<string> All =
        [GroupCompany, "ad_distributor", "advertiser", "ad_agency", "partner", CoSolicitor, Insurer, Contractor, "other"];
}

/// <summary>One supervision of a contractor (委託先の監督): the day its handling was evaluated, and the result.</summary>
public sealed class ContractorEvaluation
{
    public const int MaxNotes = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PartyId { get; set; }
    public DateOnly EvaluatedOn { get; set; }
    /// <summary>One of <see cref="EvaluationResults.All"/>.</summary>
    public string Result { get; set; } = "";
    public string? Notes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

public static class EvaluationResults
{
    public const string Adequate = "adequate";
    public const string NeedsImprovement = "needs_improvement";
    public const string Inadequate = "inadequate";

    public static readonly IReadOnlyList<string> All = [Adequate, NeedsImprovement, Inadequate];
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> e)
    {
        e.ToTable("parties");
        e.Property(p => p.Code).HasMaxLength(Party.MaxCode).IsRequired();
        e.Property(p => p.Kind).HasMaxLength(32).IsRequired();
        e.Property(p => p.PolicyRecipientId).HasMaxLength(64);
        e.Property(p => p.NameJa).HasMaxLength(Party.MaxName).IsRequired();
        e.Property(p => p.NameEn).HasMaxLength(Party.MaxName).IsRequired();
        e.Property(p => p.Address).HasMaxLength(Party.MaxText);
        e.Property(p => p.Representative).HasMaxLength(Party.MaxName);
        e.Property(p => p.Country).HasMaxLength(16).IsRequired();
        e.Property(p => p.Contract).HasMaxLength(Party.MaxText);
        e.Property(p => p.Relationship).HasMaxLength(Party.MaxText);
        e.Property(p => p.EntrustedWork).HasMaxLength(Party.MaxText);
        e.Property(p => p.EntrustedItems).HasMaxLength(4000)
            .HasConversion(v => string.Join(' ', v), s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        e.HasIndex(p => p.Code).IsUnique();
        e.HasIndex(p => p.Kind);
    }
}

internal sealed class ContractorEvaluationConfiguration : IEntityTypeConfiguration<ContractorEvaluation>
{
    public void Configure(EntityTypeBuilder<ContractorEvaluation> e)
    {
        e.ToTable("contractor_evaluations");
        e.Property(v => v.Result).HasMaxLength(32).IsRequired();
        e.Property(v => v.Notes).HasMaxLength(ContractorEvaluation.MaxNotes);
        e.Property(v => v.RecordedBy).HasMaxLength(200).IsRequired();
        e.HasOne<Party>().WithMany().HasForeignKey(v => v.PartyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.PartyId, v.EvaluatedOn });
    }
}
