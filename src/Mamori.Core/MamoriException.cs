namespace Mamori;

/// <summary>A failure a user can act on, with a stable code (the RFC 9457 problem's <c>code</c> member).</summary>
public class MamoriException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
