using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Policy;

/// <summary>
/// A published policy version, stored immutably: the exact YAML text, its SHA-256 and its effective date.
/// Consents and provenance point at a version by id, so what a person agreed to can always be shown again.
/// </summary>
public sealed class PolicyVersion
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string Yaml { get; set; } = "";
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> e)
    {
        e.ToTable("policy_versions");
        e.Property(v => v.Version).HasMaxLength(64).IsRequired();
        e.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        e.Property(v => v.Yaml).IsRequired();
        e.HasIndex(v => v.ContentHash).IsUnique();
        e.HasIndex(v => v.Version).IsUnique();
    }
}
