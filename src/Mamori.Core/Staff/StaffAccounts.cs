using System.Security.Cryptography;
using Mamori.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Mamori.Staff;

public enum SignInOutcome
{
    Succeeded,
    NeedsTotp,
    NeedsTotpEnrolment,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffUser? User);

/// <summary>Staff accounts: creation, password sign-in with lockout, and TOTP two-factor.</summary>
public sealed class StaffAccounts(MamoriDb db, IPasswordHasher<StaffUser> hasher, IDataProtectionProvider protection, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 12;

    private readonly IDataProtector _totpProtector = protection.CreateProtector("Mamori.Staff.Totp.v1");

    public async Task<StaffUser> CreateAsync(string userName, string displayName, string role, string password, CancellationToken ct = default)
    {
        userName = userName.Trim().ToLowerInvariant();
        if (userName.Length is < 2 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new MamoriException("staff.user_name_invalid", "User names are 2–64 characters: a–z, 0–9, '.', '_', '-'.");
        if (!Roles.IsKnown(role))
            throw new MamoriException("staff.role_unknown", $"Unknown role '{role}'.");
        if (password.Length < MinPasswordLength)
            throw new MamoriException("staff.password_too_short", $"Passwords have at least {MinPasswordLength} characters.");
        if (await db.StaffUsers.AnyAsync(u => u.UserName == userName, ct))
            throw new MamoriException("staff.user_name_taken", $"The user name '{userName}' is taken.");

        var user = new StaffUser { UserName = userName, DisplayName = displayName, Role = role, CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>First step: the password. Failures count towards lockout whether or not the name exists.</summary>
    public async Task<SignInResult> CheckPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var name = userName.Trim().ToLowerInvariant();
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null || user.Disabled)
        {
            // Spend the same time as a real check so user names cannot be probed by timing.
            hasher.VerifyHashedPassword(new StaffUser(), DummyHash.Value, password);
            return new(SignInOutcome.Failed, null);
        }
        if (IsLockedOut(user))
            return new(SignInOutcome.LockedOut, null);

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, ct);
            return new(IsLockedOut(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, password);
        await db.SaveChangesAsync(ct);
        return new(user.TotpEnabled ? SignInOutcome.NeedsTotp : SignInOutcome.NeedsTotpEnrolment, user);
    }

    /// <summary>Second step: a TOTP code from the enrolled authenticator. A code is accepted once.</summary>
    public async Task<SignInResult> CheckTotpAsync(Guid userId, string code, CancellationToken ct = default)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.Disabled || !user.TotpEnabled || user.ProtectedTotpSecret is null)
            return new(SignInOutcome.Failed, null);
        if (IsLockedOut(user))
            return new(SignInOutcome.LockedOut, null);
        if (!VerifyCode(user, code))
        {
            await RecordFailureAsync(user, ct);
            return new(IsLockedOut(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }
        user.FailedSignIns = 0;
        await db.SaveChangesAsync(ct);
        return new(SignInOutcome.Succeeded, user);
    }

    /// <summary>Starts enrolment, returning an otpauth:// URI for the QR code. Until enrolment is confirmed the
    /// same pending secret is shown again, so reloading the page does not invalidate an already scanned code.</summary>
    public async Task<string> BeginTotpEnrolmentAsync(Guid userId, string issuer, CancellationToken ct = default)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, ct);
        if (user.TotpEnabled)
            throw new MamoriException("staff.totp_already_enabled", "Two-factor authentication is already enabled.");
        string secret;
        if (user.ProtectedTotpSecret is null)
        {
            secret = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
            user.ProtectedTotpSecret = _totpProtector.Protect(secret);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            secret = _totpProtector.Unprotect(user.ProtectedTotpSecret);
        }
        return new OtpUri(OtpType.Totp, secret, user.UserName, issuer).ToString();
    }

    /// <summary>Completes enrolment once the user proves the authenticator works.</summary>
    public async Task<bool> ConfirmTotpEnrolmentAsync(Guid userId, string code, CancellationToken ct = default)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, ct);
        if (user.TotpEnabled || user.ProtectedTotpSecret is null || !VerifyCode(user, code))
            return false;
        user.TotpEnabled = true;
        user.FailedSignIns = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public bool IsLockedOut(StaffUser user) => user.LockedUntil is { } until && until > clock.GetUtcNow();

    private bool VerifyCode(StaffUser user, string code)
    {
        code = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return false;
        var totp = new Totp(Base32Encoding.ToBytes(_totpProtector.Unprotect(user.ProtectedTotpSecret!)));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1))
            || step <= user.LastTotpStep)
            return false;
        user.LastTotpStep = step;
        return true;
    }

    private async Task RecordFailureAsync(StaffUser user, CancellationToken ct)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns >= MaxFailedSignIns)
        {
            user.LockedUntil = clock.GetUtcNow() + LockoutDuration;
            user.FailedSignIns = 0;
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), "not-a-password"));
}
