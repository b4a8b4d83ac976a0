using System.Text;

namespace Mamori.Tests.Hardening;

/// <summary>Generated bad input: malformed, oversized, deeply nested, wrong-typed JSON and odd Unicode, from a seed.</summary>
internal sealed class BadInput(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Names the endpoints use, so wrong values reach real fields rather than being ignored.</summary>
    private static readonly string[] FieldNames =
    [
        "kind", "channel", "source", "items", "purpose", "categories", "personId", "deviceId", "choices", "method", "language",
        "reference", "events", "batchId", "type", "at", "url", "referrer", "userAgent", "ip", "location", "adId", "count",
        "recipient", "basis", "requester", "agent", "responseMethod", "reason", "facts", "audienceId", "email", "name",
        "sensitiveGround", "writtenConsent", "id", "status", "format", "query", "from", "to", "occurredAt", "discoveredAt",
    ];

    /// <summary>Strings that have broken parsers, encoders and databases: control characters, lone surrogates (as JSON
    /// escapes), bidirectional overrides, stacked combining marks, markup and SQL.</summary>
    private static readonly string[] OddStrings =
    [
        "\\u0000", "a\\u0000b", "\\ud800", "\\udfff", "x\\ud83d", "\\udc00\\ud800", "\u202etxt.exe", "\u200f\u202bمرحبا\u202c",
        "e" + new string('\u0301', 200), "Z\u0336\u0337\u0338\u0335\u0334", "\ufeff", "\ufffe", "\u2028\u2029", "👨‍👩‍👧‍👦",
        "<script>alert(1)</script>", "\\\"><img src=x onerror=alert(1)>", "' OR '1'='1", "1; DROP TABLE persons;--", "../../etc/passwd",
        "%00", "%s%s%s%n", "${jndi:ldap://x}", "　", "ｱｲｳｴｵ", "𠀋𡈽𡌛", "\\t\\r\\n", "-0", "1e309", "NaN", "",
        "customer", "direct", "agency.identity_check", "contact.name", "banner", "page_view",
    ];

    public bool Coin() => _random.Next(2) == 0;

    public string Odd() => OddStrings[_random.Next(OddStrings.Length)];

    /// <summary>A value of a random JSON type, some of them huge or odd.</summary>
    public string Value(int depth = 0)
    {
        switch (_random.Next(depth > 2 ? 7 : 10))
        {
            case 0: return "null";
            case 1: return _random.Next(2) == 0 ? "true" : "false";
            case 2: return new[] { "0", "-1", "1e400", "-9223372036854775809", "18446744073709551616", "0.000000000000000000001", "3.14" }[_random.Next(7)];
            case 3: return "\"" + Odd() + "\"";
            case 4: return "\"" + new string('あ', _random.Next(2) == 0 ? 10_000 : 600) + "\"";
            case 5: return "\"" + Guid.NewGuid() + "\"";
            case 6: return "\"2026-13-45T25:61:61Z\"";
            case 7: return "[" + string.Join(',', Enumerable.Range(0, _random.Next(4)).Select(_ => Value(depth + 1))) + "]";
            case 8: return Object(depth + 1);
            default: return "{\"" + Odd() + "\":" + Value(depth + 1) + "}";
        }
    }

    public string Object(int depth = 0)
    {
        var fields = Enumerable.Range(0, _random.Next(1, 6))
            .Select(_ => $"\"{(_random.Next(5) == 0 ? Odd() : FieldNames[_random.Next(FieldNames.Length)])}\":{Value(depth)}");
        return "{" + string.Join(',', fields) + "}";
    }

    /// <summary>A request body and its content type.</summary>
    public (byte[] Body, string ContentType) Body()
    {
        var json = "application/json";
        switch (_random.Next(12))
        {
            case 0: // malformed
                return (Encoding.UTF8.GetBytes(new[] { "{", "[", "\"", "{\"a\":}", "{\"kind\":\"customer\",}", "{'kind':'customer'}", "{\"a\":1}}", "nul", "{\"a\":NaN}", "/* */{}", "{\"a\":\"\\x\"}" }[_random.Next(11)]), json);
            case 1: // deeply nested
                var depth = _random.Next(2) == 0 ? 100 : 5_000;
                return (Encoding.UTF8.GetBytes(_random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"items\":", depth)) + "1" + new string('}', depth)), json);
            case 2: // oversized
                return (Encoding.UTF8.GetBytes("{\"items\":{\"contact.name\":\"" + new string('x', 1_100_000) + "\"}}"), json);
            case 3: // not UTF-8
                return ([0x7b, 0x22, 0x6b, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d], json);
            case 4: // wrong content type
                return (Encoding.UTF8.GetBytes(Object()), new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" }[_random.Next(4)]);
            case 5: // a top-level value of the wrong kind
                return (Encoding.UTF8.GetBytes(Value()), json);
            case 6: // many events or items
                return (Encoding.UTF8.GetBytes("{\"batchId\":\"b" + _random.Next() + "\",\"events\":[" + string.Join(',', Enumerable.Repeat("{\"deviceId\":\"d\",\"type\":\"page_view\"}", 5_000)) + "]}"), json);
            default: // plausible shape, wrong types and odd values
                return (Encoding.UTF8.GetBytes(Object()), json);
        }
    }
}
