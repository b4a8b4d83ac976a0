using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.ToTable("staff_users");
        e.Property(u => u.UserName).HasMaxLength(64).IsRequired();
        e.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        e.Property(u => u.Role).HasMaxLength(32).IsRequired();
        e.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
        e.Property(u => u.ProtectedTotpSecret).HasMaxLength(1000);
        e.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        e.HasIndex(u => u.UserName).IsUnique();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("api_keys");
        e.Property(k => k.Name).HasMaxLength(100).IsRequired();
        e.Property(k => k.Role).HasMaxLength(32).IsRequired();
        e.Property(k => k.Prefix).HasMaxLength(12).IsRequired();
        e.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        e.HasIndex(k => k.Prefix).IsUnique();
    }
}
