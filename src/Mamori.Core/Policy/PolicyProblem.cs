namespace Mamori.Policy;

/// <summary>One thing wrong with a policy file, at the place an editor should jump to.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column in the file.</param>
/// <param name="Code">A stable code from <see cref="PolicyProblemCodes"/>; scripts and tests match on it.</param>
public sealed record PolicyProblem(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>The compiler-style line <c>FILE:LINE:COL: message [code]</c> that editors and CI understand.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Code}]";

    internal static IReadOnlyList<PolicyProblem> Sorted(IEnumerable<PolicyProblem> problems) =>
        [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Code, StringComparer.Ordinal)];
}
