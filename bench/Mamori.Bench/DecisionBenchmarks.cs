using BenchmarkDotNet.Attributes;
using Mamori.Core.Tests;
using Mamori.Decisions;

namespace Mamori.Bench;

/// <summary>
/// The decision engine's hot path on the real policy (issue 3: at least 1,000,000 decisions per second on
/// one core, nothing allocated when the answer is yes). Results go into docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private static readonly string[] s_quoteCategories = ["contact.name", "contact.birthdate", "contact.phone", "insurance.policy"];

    private DecisionEngine _engine = null!;
    private DecisionRequest _allowed;
    private DecisionRequest _denied;

    [GlobalSetup]
    public void Setup()
    {
        _engine = DecisionEngine.For(RepositoryPolicy.Load(FindPolicy()));
        var policy = _engine.Policy;
        var customer = policy.SubjectKindId("customer");

        // A quote for an insurer (§4(1)①-3, a provision) with four ordinary items.
        policy.TryGetCategories(s_quoteCategories, out var quote);
        _allowed = new DecisionRequest(policy.PurposeId("agency.quote_application"), quote, customer, default);

        // The same provision with health data and no ground, for a person who suspended provision.
        var withHealth = quote.With(policy.CategoryId("health.checkup"));
        _denied = _allowed with
        {
            Categories = withHealth,
            State = new SubjectState { Flags = SubjectFlags.ProvisionSuspended },
        };
        if (!_engine.Decide(_allowed).IsAllowed || _engine.Decide(_denied).IsAllowed)
            throw new InvalidOperationException("The benchmark requests no longer decide as intended.");
    }

    [Benchmark(Description = "Decide (ids): allowed")]
    public Decision Allow() => _engine.Decide(_allowed);

    [Benchmark(Description = "Decide (ids): denied, two reasons")]
    public Decision Deny() => _engine.Decide(_denied);

    [Benchmark(Description = "Decide (names): allowed")]
    public Decision AllowByName() => _engine.Decide("agency.quote_application", s_quoteCategories, "customer", default);

    /// <summary>policy/policy.yaml from the repository root, found by walking up from here.</summary>
    internal static string FindPolicy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "policy", "policy.yaml");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("policy/policy.yaml not found above " + AppContext.BaseDirectory);
    }
}
