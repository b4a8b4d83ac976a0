using System.Security.Cryptography;
using Mamori.Audit;
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

/// <summary>Staff accounts: creation, password sign-in with lockout, and TOTP two-factor. Every sign-in attempt,
/// enrolment and sign-out is audited; a failed attempt names the account by id, or "anonymous" when the name
/// typed matches none (it may be a mistyped personal name, so it is never recorded).</summary>
public sealed class StaffAccounts(MamoriDb db, IPasswordHasher<StaffUser> hasher, IDataProtectionProvider protection, AuditTrail audit, TimeProvider clock)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 12;

    private readonly IDataProtector _totpProtector = protection.CreateProtector("Mamori.Staff.Totp.v1");

    /// <summary>Creates an account, audited as done by the system: today only start-up and demo data create them.</summary>
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
        await audit.AppendAsync(new(AuditActors.System, AuditActions.StaffCreated, AuditOutcomes.Success,
            Target: AuditActors.Staff(user.Id)), ct);
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
            return await RefuseAsync(user, user is null ? AuditReasons.AccountUnknown : AuditReasons.AccountDisabled, SignInOutcome.Failed, ct);
        }
        if (IsLockedOut(user))
            return await RefuseAsync(user, AuditReasons.AccountLocked, SignInOutcome.LockedOut, ct);

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
            return await CountFailureAsync(user, AuditReasons.PasswordInvalid, ct);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = hasher.HashPassword(user, password);
        // Not audited yet: the sign-in succeeds (or fails) at the second factor.
        await db.SaveChangesAsync(ct);
        return new(user.TotpEnabled ? SignInOutcome.NeedsTotp : SignInOutcome.NeedsTotpEnrolment, user);
    }

    /// <summary>Second step: a TOTP code from the enrolled authenticator. A code is accepted once.</summary>
    public async Task<SignInResult> CheckTotpAsync(Guid userId, string code, CancellationToken ct = default)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.Disabled || !user.TotpEnabled || user.ProtectedTotpSecret is null)
        {
            var reason = user is null ? AuditReasons.AccountUnknown
                : user.Disabled ? AuditReasons.AccountDisabled : AuditReasons.TotpNotEnrolled;
            return await RefuseAsync(user, reason, SignInOutcome.Failed, ct);
        }
        if (IsLockedOut(user))
            return await RefuseAsync(user, AuditReasons.AccountLocked, SignInOutcome.LockedOut, ct);
        if (!VerifyCode(user, code))
            return await CountFailureAsync(user, AuditReasons.TotpInvalid, ct);
        user.FailedSignIns = 0;
        await AuditSignInAsync(user, AuditOutcomes.Success, null, ct);
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

    /// <summary>Completes enrolment once the user proves the authenticator works. Enrolment happens during the
    /// first sign-in and completes it, so a success is audited as both.</summary>
    public async Task<bool> ConfirmTotpEnrolmentAsync(Guid userId, string code, CancellationToken ct = default)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, ct);
        if (user.TotpEnabled || user.ProtectedTotpSecret is null || !VerifyCode(user, code))
        {
            var reason = user.TotpEnabled || user.ProtectedTotpSecret is null ? AuditReasons.TotpEnrolmentNotPending : AuditReasons.TotpInvalid;
            await audit.AppendAsync(new(AuditActors.Staff(user.Id), AuditActions.StaffTotpEnrolment, AuditOutcomes.Failure,
                Reasons: [reason]), ct);
            return false;
        }
        user.TotpEnabled = true;
        user.FailedSignIns = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await audit.AppendAsync(new(AuditActors.Staff(user.Id), AuditActions.StaffTotpEnrolment, AuditOutcomes.Success), ct);
        await AuditSignInAsync(user, AuditOutcomes.Success, null, ct);
        return true;
    }

    /// <summary>Records the end of a console session (the cookie itself is removed by the web layer).</summary>
    public Task RecordSignOutAsync(Guid userId, CancellationToken ct = default) =>
        audit.AppendAsync(new(AuditActors.Staff(userId), AuditActions.StaffSignOut, AuditOutcomes.Success), ct);

    /// <summary>Staff members' user names for the <c>staff:{id}</c> actors among <paramref name="actors"/>, so pages
    /// can say who acted; other actors (keys, the system, the command line) are not in the result.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesOfAsync(IEnumerable<string?> actors, CancellationToken ct = default)
    {
        var ids = actors.Select(StaffId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<string, string>();
        var staff = await db.StaffUsers.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return staff.ToDictionary(u => AuditActors.Staff(u.Id), u => u.UserName, StringComparer.Ordinal);

        static Guid? StaffId(string? actor) =>
            actor is not null && actor.StartsWith("staff:", StringComparison.Ordinal) && Guid.TryParseExact(actor["staff:".Length..], "D", out var id) ? id : null;
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

    /// <summary>A wrong password or code: counts towards lockout; the attempt that locks is audited as such.</summary>
    private async Task<SignInResult> CountFailureAsync(StaffUser user, string reason, CancellationToken ct)
    {
        user.FailedSignIns++;
        if (user.FailedSignIns >= MaxFailedSignIns)
        {
            user.LockedUntil = clock.GetUtcNow() + LockoutDuration;
            user.FailedSignIns = 0;
        }
        var locked = IsLockedOut(user);
        await AuditSignInAsync(user, locked ? AuditOutcomes.LockedOut : AuditOutcomes.Failure, reason, ct);
        return new(locked ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
    }

    /// <summary>An attempt refused before any secret was checked (no such account, disabled, locked).</summary>
    private async Task<SignInResult> RefuseAsync(StaffUser? user, string reason, SignInOutcome outcome, CancellationToken ct)
    {
        await AuditSignInAsync(user, AuditOutcomes.Failure, reason, ct);
        return new(outcome, null);
    }

    // Saves the context too: the failure count and its entry are stored together.
    private Task AuditSignInAsync(StaffUser? user, string outcome, string? reason, CancellationToken ct) =>
        audit.AppendAsync(new(user is null ? AuditActors.Anonymous : AuditActors.Staff(user.Id), AuditActions.StaffSignIn, outcome,
            Reasons: reason is null ? null : [reason]), ct);

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), "not-a-password"));
}
