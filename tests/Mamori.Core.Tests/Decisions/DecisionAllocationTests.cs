using Mamori.Decisions;
using Xunit;

namespace Mamori.Core.Tests.Decisions;

/// <summary>The hot path allocates nothing: the allow path never, a denial only the first time its reasons occur.</summary>
public sealed class DecisionAllocationTests
{
    private const int Iterations = 100_000;

    private static readonly DecisionEngine s_engine = RepositoryPolicy.Engine;

    private static DecisionRequest Request(string purpose, SubjectFlags flags, params string[] categories)
    {
        var policy = s_engine.Policy;
        Assert.True(policy.TryGetCategories(categories, out var set));
        return new DecisionRequest(policy.PurposeId(purpose), set, policy.SubjectKindId("customer"), new SubjectState { Flags = flags });
    }

    /// <summary>Bytes the loop allocates once warm. The first full run lets tiered compilation promote the code
    /// (its bookkeeping can allocate on this thread), so only the second run is measured.</summary>
    private static long AllocatedByWarmLoop(Action loop)
    {
        loop();
        var before = GC.GetAllocatedBytesForCurrentThread();
        loop();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void The_allow_path_allocates_nothing()
    {
        var request = Request("agency.quote_application", SubjectFlags.None, "contact.name", "contact.birthdate", "contact.phone", "insurance.policy");
        var allowed = 0;
        var allocated = AllocatedByWarmLoop(() =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                if (s_engine.Decide(request).IsAllowed)
                    allowed++;
            }
        });

        Assert.Equal(2 * Iterations, allowed);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_denial_allocates_only_the_first_time_its_reasons_occur()
    {
        var request = Request("agency.quote_application", SubjectFlags.ProvisionSuspended, "contact.name", "health.checkup", "server.log");
        var first = s_engine.Decide(request);
        Assert.False(first.IsAllowed);

        var same = 0;
        var allocated = AllocatedByWarmLoop(() =>
        {
            for (var i = 0; i < Iterations; i++)
            {
                if (ReferenceEquals(first, s_engine.Decide(request)))
                    same++;
            }
        });

        Assert.Equal(2 * Iterations, same);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Permitted_allocates_nothing()
    {
        var request = Request("agency.information_delivery", SubjectFlags.None, "contact.email", "device.location");
        var count = 0;
        var allocated = AllocatedByWarmLoop(() =>
        {
            for (var i = 0; i < Iterations; i++)
                count += s_engine.Permitted(request).Count;
        });

        Assert.Equal(2 * Iterations, count);
        Assert.Equal(0, allocated);
    }
}
