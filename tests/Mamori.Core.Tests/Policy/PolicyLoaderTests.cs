using Mamori.Policy;
using Xunit;

namespace Mamori.Core.Tests.Policy;

public sealed class PolicyLoaderTests
{
    private const string SmallFixture = "TestData/valid/small.yaml";

    [Fact]
    public void Small_fixture_loads()
    {
        var result = PolicyLoader.Load(SmallFixture, TestFiles.Read(SmallFixture));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }
}
