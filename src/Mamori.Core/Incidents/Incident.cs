using Mamori.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Incidents;

/// <summary>
/// A breach (漏えい・滅失・毀損) or a suspected one, with the facts its reportability and deadlines follow from and the
/// texts of its report. Everything the assessment depends on — the settings included — is kept as it was when the
/// incident was recorded, so a later change of settings does not move a past deadline.
/// The free texts describe what happened and must hold no personal data; they are classified as if they might
/// (logs redact them), and persons are named only by id (<see cref="AffectedPersons"/>).
/// </summary>
public sealed class Incident
{
    public const int MaxText = 4000;
    public const int MaxName = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The staff member or key that recorded it (an actor id).</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it happened, if known.</summary>
    public DateTimeOffset? OccurredAt { get; set; }
    /// <summary>When the company knew (知った時点).</summary>
    public DateTimeOffset DiscoveredAt { get; set; }
    /// <summary>The day of awareness in Japan: day 1 of every deadline.</summary>
    public DateOnly AwarenessDate { get; set; }
    /// <summary>Who found it: a department or a party (e.g. 情報セキュリティ室, the contractor), never a person's name.</summary>
    [PersonalData] public string DiscoveredBy { get; set; } = "";
    /// <summary>What happened.</summary>
    [PersonalData] public string Summary { get; set; } = "";
    [PersonalData] public string Cause { get; set; } = "";

    /// <summary>The data categories leaked or at risk (policy ids).</summary>
    public List<string> Categories { get; set; } = [];
    public int PersonsAffected { get; set; }
    public List<IncidentPerson> AffectedPersons { get; set; } = [];

    public bool Malicious { get; set; }
    public bool StronglyEncrypted { get; set; }
    public bool KeyLeaked { get; set; }
    public bool ContractorInvolved { get; set; }
    [PersonalData] public string? ContractorName { get; set; }
    /// <summary>Only suspected (おそれ): reportable all the same.</summary>
    public bool Suspected { get; set; }
    /// <summary>Case (2) applies: from the categories (setting) or stated by the caller.</summary>
    public bool FinancialDamageRisk { get; set; }
    /// <summary>The agency reported to the FSA too when this was recorded (setting).</summary>
    public bool FinancialSector { get; set; }

    // The report's fields (5)–(9); "under investigation" until known.
    [PersonalData] public string? SecondaryDamage { get; set; }
    [PersonalData] public string? MeasuresForPersons { get; set; }
    [PersonalData] public string? Publication { get; set; }
    [PersonalData] public string? PreventionMeasures { get; set; }
    [PersonalData] public string? Other { get; set; }

    /// <summary>The facts the assessment reads; <paramref name="financialDamageCategories"/> only names which
    /// categories brought case (2) about (whether it applies was decided when the incident was recorded).</summary>
    public IncidentFacts Facts(IReadOnlyCollection<string> financialDamageCategories) =>
        new(Categories, PersonsAffected, Malicious, StronglyEncrypted, KeyLeaked, FinancialDamageRisk, financialDamageCategories);
}

/// <summary>A person of the vault affected by an incident, by id only.</summary>
public sealed class IncidentPerson
{
    public Guid IncidentId { get; set; }
    public Guid PersonId { get; set; }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.ToTable("incidents");
        e.Property(i => i.CreatedBy).HasMaxLength(200).IsRequired();
        e.Property(i => i.DiscoveredBy).HasMaxLength(Incident.MaxName).IsRequired();
        e.Property(i => i.Summary).HasMaxLength(Incident.MaxText).IsRequired();
        e.Property(i => i.Cause).HasMaxLength(Incident.MaxText).IsRequired();
        e.Property(i => i.ContractorName).HasMaxLength(Incident.MaxName);
        e.Property(i => i.SecondaryDamage).HasMaxLength(Incident.MaxText);
        e.Property(i => i.MeasuresForPersons).HasMaxLength(Incident.MaxText);
        e.Property(i => i.Publication).HasMaxLength(Incident.MaxText);
        e.Property(i => i.PreventionMeasures).HasMaxLength(Incident.MaxText);
        e.Property(i => i.Other).HasMaxLength(Incident.MaxText);
        e.Property(i => i.Categories).HasMaxLength(4000).IsRequired()
            .HasConversion(v => string.Join(' ', v), s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        e.HasIndex(i => i.AwarenessDate);
        e.HasMany(i => i.AffectedPersons).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentPersonConfiguration : IEntityTypeConfiguration<IncidentPerson>
{
    public void Configure(EntityTypeBuilder<IncidentPerson> e)
    {
        e.ToTable("incident_persons");
        e.HasKey(p => new { p.IncidentId, p.PersonId });
        e.HasIndex(p => p.PersonId);
    }
}
