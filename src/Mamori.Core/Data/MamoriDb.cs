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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PolicyVersion>(e =>
        {
            e.ToTable("policy_versions");
            e.Property(v => v.Version).HasMaxLength(64).IsRequired();
            e.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
            e.Property(v => v.Yaml).IsRequired();
            e.HasIndex(v => v.ContentHash).IsUnique();
            e.HasIndex(v => v.Version).IsUnique();
        });
        modelBuilder.Entity<StaffUser>(e =>
        {
            e.ToTable("staff_users");
            e.Property(u => u.UserName).HasMaxLength(64).IsRequired();
            e.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
            e.Property(u => u.Role).HasMaxLength(32).IsRequired();
            e.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
            e.Property(u => u.ProtectedTotpSecret).HasMaxLength(1000);
            e.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired().IsConcurrencyToken();
            e.HasIndex(u => u.UserName).IsUnique();
        });
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.Property(k => k.Name).HasMaxLength(100).IsRequired();
            e.Property(k => k.Role).HasMaxLength(32).IsRequired();
            e.Property(k => k.Prefix).HasMaxLength(12).IsRequired();
            e.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
            e.HasIndex(k => k.Prefix).IsUnique();
        });
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
