using Mamori.Compliance;

namespace Mamori.Staff;

/// <summary>
/// A staff account for the console. The password is stored only as an ASP.NET Core Identity hash;
/// the TOTP secret is stored protected by ASP.NET Core Data Protection (never in plaintext).
/// </summary>
public sealed class StaffUser
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [PersonalData] public string UserName { get; set; } = "";
    [PersonalData] public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Operator;
    [Secret] public string PasswordHash { get; set; } = "";
    /// <summary>Data-Protection-protected Base32 TOTP secret; null until enrolment starts.</summary>
    [Secret] public string? ProtectedTotpSecret { get; set; }
    public bool TotpEnabled { get; set; }
    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long LastTotpStep { get; set; }
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Changes when credentials change; a session cookie from before is rejected.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public bool Disabled { get; set; }
}

/// <summary>A key for the REST API. Only the SHA-256 of the secret is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Role { get; set; } = Roles.System;
    /// <summary>The public part of the key, used to find the row before comparing hashes.</summary>
    public string Prefix { get; set; } = "";
    [Secret] public string SecretHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
