using System.Diagnostics.CodeAnalysis;

namespace Mamori.Policy;

/// <summary>Either a valid policy with the hash of its text, or the problems that stop it loading.</summary>
public sealed class PolicyLoadResult
{
    private PolicyLoadResult(PolicyDocument? document, string? contentHash, IReadOnlyList<PolicyProblem> problems)
    {
        Document = document;
        ContentHash = contentHash;
        Problems = problems;
    }

    public PolicyDocument? Document { get; }

    /// <summary>SHA-256 (lower-case hex) of the file's UTF-8 text with line endings normalised to LF.</summary>
    public string? ContentHash { get; }

    /// <summary>Sorted by line and column; empty when the policy loaded.</summary>
    public IReadOnlyList<PolicyProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Document), nameof(ContentHash))]
    public bool Succeeded => Document is not null;

    internal static PolicyLoadResult Loaded(PolicyDocument document, string contentHash) => new(document, contentHash, []);

    internal static PolicyLoadResult Failed(IReadOnlyList<PolicyProblem> problems) => new(null, null, problems);
}
