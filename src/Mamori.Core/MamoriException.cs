namespace Mamori;

/// <summary>A failure a user can act on, with a stable code (the RFC 9457 problem's <c>code</c> member)
/// and the HTTP status it answers with (400 unless said otherwise).</summary>
public class MamoriException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;

    /// <summary>More members for the problem document (e.g. which event of a batch was invalid); codes and numbers, never values.</summary>
    public virtual IReadOnlyDictionary<string, object?> Extensions => NoExtensions;

    private static readonly IReadOnlyDictionary<string, object?> NoExtensions = new Dictionary<string, object?>();
}

/// <summary>A use the policy, the person's consents or requests do not allow; carries every reason code.</summary>
public sealed class UseDeniedException(IReadOnlyList<string> reasons)
    : MamoriException(reasons.Count > 0 ? reasons[0] : "use.denied", "This use is not allowed: " + string.Join(", ", reasons) + ".", 403)
{
    public IReadOnlyList<string> Reasons { get; } = reasons;

    public override IReadOnlyDictionary<string, object?> Extensions => new Dictionary<string, object?> { ["reasons"] = Reasons };
}
