using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Versions;

public sealed class Pep440SchemeTests
{
    [Fact]
    public void Parse_Pep440SummaryExample_IsAscending() =>
        // PEP 440 §Summary of permitted suffixes and relative ordering: the spec's example list, in its order.
        Ordering.AssertAscending(Pep440Scheme.Instance,
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
            "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1");

    [Theory]
    // PEP 440 §Normalization, one example per rule.
    [InlineData("1.0", "1.0.0")]           // §Final releases: trailing zeros
    [InlineData("1.0ALPHA1", "1.0a1")]     // §Case sensitivity, §Pre-release spelling
    [InlineData("1.1.0-c1", "1.1rc1")]     // §Pre-release separators and spelling
    [InlineData("1.0-preview2", "1.0rc2")]
    [InlineData("1.2a", "1.2a0")]          // §Implicit pre-release number
    [InlineData("1.2-post2", "1.2.post2")] // §Post release separators
    [InlineData("1.0-r4", "1.0.post4")]    // §Post release spelling
    [InlineData("1.0-1", "1.0.post1")]     // §Implicit post releases
    [InlineData("1.2.post", "1.2.post0")]  // §Implicit post release number
    [InlineData("1.2-dev2", "1.2.dev2")]   // §Development release separators
    [InlineData("1.2.dev", "1.2.dev0")]    // §Implicit development release number
    [InlineData("1.0+ubuntu-1", "1.0+ubuntu.1")] // §Local version segments
    [InlineData("v1.0", "1.0")]            // §Preceding v character
    [InlineData(" 1.0 ", "1.0")]           // §Leading and trailing whitespace
    public void Parse_AlternativeSpelling_IsSameVersion(string spelling, string normal) =>
        Ordering.AssertSame(Pep440Scheme.Instance, spelling, normal);

    [Fact]
    public void Parse_Epoch_OrdersBeforeRelease() =>
        // PEP 440 §Version epochs: "2013.10" < "2014.04" < "1!1.0" < "1!1.1" < "1!2.0".
        Ordering.AssertAscending(Pep440Scheme.Instance, "2013.10", "2014.04", "1!1.0", "1!1.1", "1!2.0");

    [Theory]
    [InlineData("4.36.-1")] // listed in the corpus record GHSA-9v2f-6vcg-3hgv: not a PEP 440 version
    [InlineData("1.0-foo")]
    [InlineData("latest")]
    [InlineData("")]
    public void Parse_NotPep440_IsNull(string text) =>
        Assert.Null(Pep440Scheme.Instance.Parse(text));
}
