using System.Collections.Immutable;
using System.Numerics;

namespace Mamori.Decisions;

/// <summary>
/// The answer: allowed, or denied with every reason that applies. Decisions are immutable and shared:
/// there is one allowed instance, and one instance per combination of denial reasons, so a decision
/// allocates nothing once its combination has been seen.
/// </summary>
public sealed class Decision
{
    private Decision(bool isAllowed, ImmutableArray<string> reasons)
    {
        IsAllowed = isAllowed;
        Reasons = reasons;
    }

    /// <summary>The one allowed decision; its only reason is <see cref="DecisionCodes.Allowed"/>.</summary>
    public static Decision Allowed { get; } = new(true, [DecisionCodes.Allowed]);

    public bool IsAllowed { get; }

    /// <summary>Codes from <see cref="DecisionCodes"/>, in the order the rules are listed there.</summary>
    public ImmutableArray<string> Reasons { get; }

    public bool Has(string code) => Reasons.Contains(code);

    public override string ToString() => (IsAllowed ? "allowed" : "denied") + ": " + string.Join(", ", Reasons);

    // Denials are cached by their reason mask in pages of 256, made on first use: only the few
    // combinations that occur cost memory.
    private const int PageBits = 8;
    private static readonly Decision?[]?[] s_denials = new Decision?[]?[1 << (ReasonBits.Count - PageBits)];

    internal static Decision For(Reason reasons)
    {
        if (reasons == Reason.None)
            return Allowed;
        var mask = (int)reasons;
        var page = Volatile.Read(ref s_denials[mask >> PageBits])
            ?? Interlocked.CompareExchange(ref s_denials[mask >> PageBits], new Decision?[1 << PageBits], null)
            ?? s_denials[mask >> PageBits]!;
        var slot = mask & ((1 << PageBits) - 1);
        return Volatile.Read(ref page[slot])
            ?? Interlocked.CompareExchange(ref page[slot], Denied(reasons), null)
            ?? page[slot]!;
    }

    private static Decision Denied(Reason reasons)
    {
        var codes = ImmutableArray.CreateBuilder<string>(BitOperations.PopCount((uint)reasons));
        for (var bit = 0; bit < ReasonBits.Count; bit++)
        {
            if (((int)reasons & (1 << bit)) != 0)
                codes.Add(ReasonBits.Codes[bit]);
        }
        return new(false, codes.MoveToImmutable());
    }
}
