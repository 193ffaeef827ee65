using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

public sealed class NuGetRubyDebianSchemeTests
{
    [Fact]
    public void NuGet_FourPartsAndPrerelease_OrderByNuGetRules()
    {
        // learn.microsoft.com/nuget/concepts/package-versioning: pre-release labels sort before the release;
        // labels compare case-insensitively; "1.0" is "1.0.0.0".
        Ordering.AssertAscending(NuGetScheme.Instance, "1.0.0-alpha", "1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1");
        Ordering.AssertSame(NuGetScheme.Instance, "1.0", "1.0.0.0");
        Ordering.AssertSame(NuGetScheme.Instance, "1.0.0-BETA", "1.0.0-beta");
    }

    [Fact]
    public void RubyGems_PrereleaseSegments_SortBeforeRelease() =>
        // guides.rubygems.org/patterns: "1.0.a" and "1.0.0.pre" are pre-releases of 1.0; "1.0.b1" after "1.0.a2".
        Ordering.AssertAscending(RubyGemsScheme.Instance, "0.9", "1.0.a1", "1.0.a2", "1.0.b1", "1.0", "1.0.1", "1.10");

    [Fact]
    public void RubyGems_HyphenIsPre() => Ordering.AssertSame(RubyGemsScheme.Instance, "1.0.0-rc1", "1.0.0.pre.rc1");

    [Fact]
    public void Debian_TildeAndEpoch_FollowPolicy()
    {
        // Debian Policy §5.6.12: "~" sorts before everything, even the end: 1.0~rc1 < 1.0; an epoch outranks upstream.
        Ordering.AssertAscending(DebianScheme.Instance, "1.0~rc1", "1.0", "1.0-1", "1.0-1+deb12u1", "1.0a", "1.0.1", "1:0.9");
        Ordering.AssertSame(DebianScheme.Instance, "0:1.2-3", "1.2-3");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.0-")]
    [InlineData("x:1.0")]
    public void Debian_NotAVersion_IsNull(string text) => Assert.Null(DebianScheme.Instance.Parse(text));
}
