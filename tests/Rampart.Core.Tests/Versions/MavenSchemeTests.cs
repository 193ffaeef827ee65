using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

/// <summary>Examples of maven.apache.org/pom.html §Version Order Specification, each named after the rule it shows.</summary>
public sealed class MavenSchemeTests
{
    private static readonly MavenScheme Maven = MavenScheme.Instance;

    [Fact]
    public void Parse_NumberPadding_OneBeforeOnePointOne() => Ordering.AssertAscending(Maven, "1", "1.1");

    [Fact]
    public void Parse_QualifierPadding_SnapshotBeforeReleaseBeforeSp() => Ordering.AssertAscending(Maven, "1-snapshot", "1", "1-sp");

    [Fact]
    public void Parse_DigitsAfterQualifier_CompareNumerically() => Ordering.AssertAscending(Maven, "1-foo2", "1-foo10");

    [Fact]
    public void Parse_DotAndHyphenQualifier_AreEqualAndBeforeNumbers()
    {
        // "1.foo" = "1-foo" < "1-1" < "1.1"
        Ordering.AssertSame(Maven, "1.foo", "1-foo");
        Ordering.AssertAscending(Maven, "1-foo", "1-1", "1.1");
    }

    [Theory]
    [InlineData("1.ga")]
    [InlineData("1-ga")]
    [InlineData("1-0")]
    [InlineData("1.0")]
    [InlineData("1.final")]
    [InlineData("1-release")]
    public void Parse_TrailingNulls_AreRemoved(string version) =>
        // "1.ga" = "1-ga" = "1-0" = "1.0" = "1"; "final" and "release" are spellings of "".
        Ordering.AssertSame(Maven, version, "1");

    [Fact]
    public void Parse_SpAfterGa_AtEveryDepth()
    {
        // "1-sp" > "1-ga"; "1-sp.1" > "1-ga.1"; "1-sp-1" < "1-ga-1" = "1-1"
        Ordering.AssertAscending(Maven, "1-ga", "1-sp");
        Ordering.AssertAscending(Maven, "1-ga.1", "1-sp.1");
        Ordering.AssertAscending(Maven, "1-sp-1", "1-ga-1");
        Ordering.AssertSame(Maven, "1-ga-1", "1-1");
    }

    [Fact]
    public void Parse_ShortQualifierBeforeDigit_IsLongForm()
    {
        // "1-a1" = "1-alpha-1"; likewise b and m.
        Ordering.AssertSame(Maven, "1-a1", "1-alpha-1");
        Ordering.AssertSame(Maven, "1-b2", "1-beta-2");
        Ordering.AssertSame(Maven, "1-m3", "1-milestone-3");
    }

    [Fact]
    public void Parse_WellKnownQualifiers_InDocumentedOrder() =>
        // alpha < beta < milestone < rc = cr < snapshot < "" = final = ga < sp, then unknown qualifiers.
        Ordering.AssertAscending(Maven, "1-alpha", "1-beta", "1-milestone", "1-rc", "1-snapshot", "1", "1-sp", "1-zzz");

    [Fact]
    public void Parse_CrIsRc() => Ordering.AssertSame(Maven, "1.0-cr1", "1.0-rc1");

    [Fact]
    public void Parse_Log4jRangeBounds_AreOrdered() =>
        // The bounds of the log4j-core advisory (2.0-beta9 introduced, 2.12.2, 2.15.0 fixed), by the rules above.
        Ordering.AssertAscending(Maven, "2.0-beta9", "2.0-rc1", "2.0", "2.4", "2.12.2", "2.13.2", "2.15.0");
}
