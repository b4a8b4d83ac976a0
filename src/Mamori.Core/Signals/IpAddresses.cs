using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mamori.Signals;

/// <summary>How Mamori treats informative data beyond what consent decides (a Mamori setting, not the policy's).</summary>
/// <param name="TruncateIp">Keep only an address's network: IPv4 /24, IPv6 /48 (as web analytics commonly do). On by default:
/// the policy allows IP addresses (§3(1)⑤), and a network serves its uses (coarse region, abuse by network) while
/// identifying a household far less.</param>
public sealed record SignalSettings(bool TruncateIp = true)
{
    /// <summary>Read from <c>MAMORI_TRUNCATE_IP</c> (<c>false</c> or <c>0</c> keeps whole addresses).</summary>
    public static SignalSettings FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("MAMORI_TRUNCATE_IP")?.Trim().ToLowerInvariant() is not ("false" or "0" or "no" or "off"));
}

/// <summary>Parsing, normalising and truncating IP addresses, also inside server-log lines.</summary>
public static partial class IpAddresses
{
    public const int Ipv4PrefixLength = 24;
    public const int Ipv6PrefixLength = 48;

    /// <summary>The address in its canonical form (an IPv4-mapped IPv6 address as IPv4), or null if it is none.</summary>
    public static string? Normalize(string text) =>
        IPAddress.TryParse(text, out var address) ? Canonical(address).ToString() : null;

    /// <summary>The address with its host bits zeroed: 203.0.113.77 → 203.0.113.0, 2001:db8:1:2::5 → 2001:db8:1::.</summary>
    public static string Truncate(string text) =>
        IPAddress.TryParse(text, out var address) ? Truncate(Canonical(address)).ToString() : text;

    /// <summary>Every IPv4 and IPv6 address in <paramref name="line"/> truncated; the same string when there is none.</summary>
    public static string TruncateWithin(string line)
    {
        var v4 = Ipv4Pattern().Replace(line, m => IPAddress.TryParse(m.Value, out var a) ? Truncate(a).ToString() : m.Value);
        return Ipv6Candidate().Replace(v4, m =>
            IPAddress.TryParse(m.Value, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6 ? Truncate(a).ToString() : m.Value);
    }

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static IPAddress Truncate(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        var keep = (address.AddressFamily == AddressFamily.InterNetwork ? Ipv4PrefixLength : Ipv6PrefixLength) / 8;
        bytes[keep..length].Clear();
        return new IPAddress(bytes[..length]);
    }

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")]
    private static partial Regex Ipv4Pattern();

    // Colon-separated hex groups with at least two colons; IPAddress.TryParse decides (so 13:55:36 stays a time).
    [GeneratedRegex(@"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])")]
    private static partial Regex Ipv6Candidate();
}
