using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Statistics;

/// <summary>
/// A dataset of anonymised information (匿名加工情報, APPI Arts. 43–44) the agency made. APPI asks that, once made,
/// the items it contains are published without delay, and before it is provided, the items and the method of
/// provision; Mamori publishes each registered dataset on <c>/privacy/anonymised-data</c>. The texts describe data
/// sets, not persons.
/// </summary>
public sealed class AnonymisedDataset
{
    public const int MaxName = 200;
    public const int MaxText = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>The data categories it was made from (what the public page lists as its items).</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>How it was processed (the five standards applied).</summary>
    public string ProcessingJa { get; set; } = "";
    public string ProcessingEn { get; set; } = "";
    /// <summary>How it is provided to third parties, or that it is used only in-house.</summary>
    public string ProvisionJa { get; set; } = "";
    public string ProvisionEn { get; set; } = "";
    public DateOnly CreatedOn { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string RegisteredBy { get; set; } = "";
}

public sealed record RegisterDataset(
    [property: UncheckedInput] string? NameJa,
    [property: UncheckedInput] string? NameEn,
    [property: UncheckedInput] IReadOnlyList<string>? Items,
    [property: UncheckedInput] string? ProcessingJa,
    [property: UncheckedInput] string? ProcessingEn,
    [property: UncheckedInput] string? ProvisionJa,
    [property: UncheckedInput] string? ProvisionEn,
    DateOnly? CreatedOn);

/// <summary>Registers anonymised datasets (published at once) and lists them for the public page.</summary>
public sealed class AnonymisedDatasets(MamoriDb db, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public Task<List<AnonymisedDataset>> PublishedAsync(CancellationToken ct = default) =>
        db.Set<AnonymisedDataset>().AsNoTracking().OrderByDescending(d => d.CreatedOn).ThenBy(d => d.NameJa).ToListAsync(ct);

    public async Task<AnonymisedDataset> RegisterAsync(RegisterDataset command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var items = command.Items?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        if (items.Count == 0 || items.Any(i => !policy.Document.DataCategories.Any(c => c.Id == i)))
            throw new MamoriException("dataset.items_invalid", "Name the items it contains: at least one, each a data category of the policy.");
        var now = clock.GetUtcNow();
        var dataset = new AnonymisedDataset
        {
            NameJa = Text(command.NameJa, "nameJa", AnonymisedDataset.MaxName),
            NameEn = Text(command.NameEn, "nameEn", AnonymisedDataset.MaxName),
            Items = items,
            ProcessingJa = Text(command.ProcessingJa, "processingJa", AnonymisedDataset.MaxText),
            ProcessingEn = Text(command.ProcessingEn, "processingEn", AnonymisedDataset.MaxText),
            ProvisionJa = Text(command.ProvisionJa, "provisionJa", AnonymisedDataset.MaxText),
            ProvisionEn = Text(command.ProvisionEn, "provisionEn", AnonymisedDataset.MaxText),
            CreatedOn = command.CreatedOn ?? DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime),
            PublishedAt = now,
            RegisteredBy = actor,
        };
        db.Set<AnonymisedDataset>().Add(dataset);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.AnonymisedDatasetRegistered, AuditOutcomes.Success, Categories: items,
            Target: "anonymised_dataset:" + dataset.Id.ToString("D")), ct);
        return dataset;
    }

    private static string Text(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > max)
            throw new MamoriException("dataset.text_invalid", $"'{field}' is required, in Japanese and in English, at most {max} characters.");
        return text;
    }
}

internal sealed class AnonymisedDatasetConfiguration : IEntityTypeConfiguration<AnonymisedDataset>
{
    public void Configure(EntityTypeBuilder<AnonymisedDataset> e)
    {
        e.ToTable("anonymised_datasets");
        e.Property(d => d.NameJa).HasMaxLength(AnonymisedDataset.MaxName).IsRequired();
        e.Property(d => d.NameEn).HasMaxLength(AnonymisedDataset.MaxName).IsRequired();
        e.Property(d => d.ProcessingJa).HasMaxLength(AnonymisedDataset.MaxText).IsRequired();
        e.Property(d => d.ProcessingEn).HasMaxLength(AnonymisedDataset.MaxText).IsRequired();
        e.Property(d => d.ProvisionJa).HasMaxLength(AnonymisedDataset.MaxText).IsRequired();
        e.Property(d => d.ProvisionEn).HasMaxLength(AnonymisedDataset.MaxText).IsRequired();
        e.Property(d => d.RegisteredBy).HasMaxLength(200).IsRequired();
        e.Property(d => d.Items).HasMaxLength(4000).IsRequired()
            .HasConversion(v => string.Join(' ', v), s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
    }
}
