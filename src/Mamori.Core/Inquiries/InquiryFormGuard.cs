using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Mamori.Inquiries;

/// <summary>
/// Keeps robots off the public inquiry form without a CAPTCHA: the form carries a hidden field people never see (a
/// robot fills it in) and a stamp of when it was shown, protected so it cannot be forged. A form sent back sooner than
/// a person could write a message, or long after it was shown, is refused. Time is the injected clock's.
/// </summary>
public sealed class InquiryFormGuard(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Faster than anyone reads the form and types a message.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(5);
    /// <summary>Older stamps are not accepted, so a stamp harvested once cannot be replayed for long.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(6);

    private readonly IDataProtector _protector = protection.CreateProtector("Mamori.Inquiries.FormStamp");

    /// <summary>The stamp to put in the form when it is shown.</summary>
    public string Stamp() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>Refuses a sending by a robot (<paramref name="honeypot"/> filled), too fast, or with a missing, forged or stale stamp.</summary>
    public void Check(string? stamp, string? honeypot)
    {
        if (!string.IsNullOrEmpty(honeypot))
            throw new MamoriException(InquiryCodes.Rejected, "The form was not sent by a person.");
        if (ShownAt(stamp) is not { } shown)
            throw new MamoriException(InquiryCodes.FormExpired, "The form has expired; load it again.");
        var elapsed = clock.GetUtcNow() - shown;
        if (elapsed < MinimumFillTime)
            throw new MamoriException(InquiryCodes.TooFast, "The form was sent too quickly; wait a moment and send it again.");
        if (elapsed > MaximumAge)
            throw new MamoriException(InquiryCodes.FormExpired, "The form has expired; load it again.");
    }

    private DateTimeOffset? ShownAt(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
            return null;
        try
        {
            return long.TryParse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
