using Mamori.Policy.Validation;
using YamlDotNet.Core;

namespace Mamori.Policy;

/// <summary>
/// Checks a policy file in three passes, each only once the one before it is clean: YAML syntax, the JSON
/// Schema generated from the model, then cross-references (ids that must exist, dates in order, what the
/// law requires of joint use, requests, recipients…). Bad input never throws.
/// </summary>
public static class PolicyValidator
{
    /// <summary>Every problem found, sorted by line and column; empty when the policy is valid.</summary>
    public static IReadOnlyList<PolicyProblem> Validate(string file, string text) => Run(file, text).Problems;

    internal static (PolicyDocument? Policy, IReadOnlyList<PolicyProblem> Problems) Run(string file, string text)
    {
        var (parsed, syntaxProblem) = ParsedPolicy.Parse(file, text);
        if (parsed is null)
            return (null, [syntaxProblem!]);

        var schemaProblems = SchemaProblems.Find(file, parsed);
        if (schemaProblems.Count > 0)
            return (null, PolicyProblem.Sorted(schemaProblems));

        PolicyDocument policy;
        try
        {
            policy = PolicyYamlConventions.Deserializer.Deserialize<PolicyDocument>(text);
        }
        catch (YamlException e)
        {
            // The schema should have caught anything the model cannot hold; say where, not how.
            var message = e.InnerException?.Message ?? e.Message;
            return (null, [new PolicyProblem(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column), PolicyProblemCodes.YamlModel, message)]);
        }

        var problems = CrossReferenceChecks.Find(file, policy, parsed);
        return problems.Count > 0 ? (null, PolicyProblem.Sorted(problems)) : (policy, []);
    }
}
