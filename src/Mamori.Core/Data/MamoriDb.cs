using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Data;

/// <summary>
/// The one DbContext. Provider-neutral: Mamori.Storage derives one context per provider (SQLite,
/// PostgreSQL) only so each has its own migrations. Use cases take this type.
/// </summary>
public abstract class MamoriDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Each capability keeps its table mappings beside its model (IEntityTypeConfiguration classes).
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MamoriDb).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
