using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

public sealed class SemVerSchemeTests
{
    [Fact]
    public void Parse_SemverOrgPrecedenceExample_IsAscending() =>
        // semver.org §11, the spec's own example list.
        Ordering.AssertAscending(SemVerScheme.Strict,
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");

    [Fact]
    public void Parse_SemverOrgNumericExample_IsAscending() =>
        // semver.org §11.2: "1.0.0 < 2.0.0 < 2.1.0 < 2.1.1".
        Ordering.AssertAscending(SemVerScheme.Strict, "1.0.0", "2.0.0", "2.1.0", "2.1.1");

    [Fact]
    public void Parse_BuildMetadata_DoesNotOrder() =>
        // semver.org §10: build metadata MUST be ignored when determining precedence.
        Ordering.AssertSame(SemVerScheme.Strict, "1.0.0+20130313144700", "1.0.0");

    [Fact]
    public void Parse_GoVersions_ReadVPrefixAndIncompatible()
    {
        // go.dev/ref/mod#versions: "v" prefix; "+incompatible" is build metadata to SemVer.
        Ordering.AssertSame(SemVerScheme.WithV, "v1.22.5", "1.22.5");
        Ordering.AssertSame(SemVerScheme.WithV, "v2.0.0+incompatible", "2.0.0");
        Ordering.AssertSame(SemVerScheme.WithV, "go1.21.12", "1.21.12");
        // GO-2024-2963 introduces at "1.22.0-0", the lowest pre-release of 1.22.0.
        Ordering.AssertAscending(SemVerScheme.WithV, "v1.21.12", "1.22.0-0", "v1.22.0-rc.1", "v1.22.0", "v1.22.5");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("not a version")]
    public void Parse_NotSemver_IsNull(string text) =>
        // semver.org §2 (three numbers, no leading zeros) and §9 (non-empty pre-release identifiers).
        Assert.Null(SemVerScheme.Strict.Parse(text));

    [Fact]
    public void Parse_StrictScheme_RefusesVPrefix() =>
        Assert.Null(SemVerScheme.Strict.Parse("v1.2.3"));
}
