using System.Globalization;
using System.Text.RegularExpressions;

namespace Mamori.Signals;

/// <summary>
/// Web server access logs in the combined log format (Apache, nginx):
/// <c>host ident user [time] "request" status size "referrer" "user-agent"</c>; the common format (without the last two)
/// is read too. Each line becomes a <see cref="SignalTypes.ServerLog"/> event. The remote user is left out on purpose:
/// a login name is personal data, and the log's other fields serve §3(1)⑨ without it.
/// </summary>
public static partial class AccessLog
{
    /// <summary>The line as an event, or the reason it is not a combined-log line.</summary>
    public static (SignalEvent? Event, string? Error) Parse(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
            return (null, "not a line in the combined or common log format");
        if (!TryParseTime(match.Groups["time"].Value, out var at))
            return (null, "the time is not [dd/MMM/yyyy:HH:mm:ss ±hhmm]");

        var request = Unescape(match.Groups["request"].Value);
        var parts = request.Split(' ');
        string? url = parts.Length >= 2 && parts[1].Length > 0 ? parts[1] : null;
        var host = match.Groups["host"].Value;
        return (new SignalEvent(
            DeviceId: null,
            Type: SignalTypes.ServerLog,
            At: at,
            Url: url,
            Referrer: Optional(match.Groups["referrer"]),
            UserAgent: Optional(match.Groups["agent"]),
            // A host name (HostnameLookups on) is not kept: only an address can be truncated.
            Ip: IpAddresses.Normalize(host) is not null ? host : null,
            LogLine: $"\"{request}\" {match.Groups["status"].Value} {match.Groups["size"].Value}"), null);
    }

    private static bool TryParseTime(string text, out DateTimeOffset at)
    {
        // 10/Oct/2000:13:55:36 -0700: .NET's zzz wants a colon in the offset.
        at = default;
        if (text.Length != 26 || text[20] != ' ')
            return false;
        var withColon = string.Concat(text.AsSpan(0, 24), ":", text.AsSpan(24));
        return DateTimeOffset.TryParseExact(withColon, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    private static string? Optional(Group group) =>
        !group.Success || group.Value is "" or "-" ? null : Unescape(group.Value);

    private static string Unescape(string quoted) => quoted.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^(?<host>\S+) \S+ \S+ \[(?<time>[^\]]+)\] "(?<request>(?:[^"\\]|\\.)*)" (?<status>\d{3}) (?<size>\d+|-)(?: "(?<referrer>(?:[^"\\]|\\.)*)" "(?<agent>(?:[^"\\]|\\.)*)")?\s*$""")]
    private static partial Regex Line();
}
