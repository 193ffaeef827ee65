using Rampart.Core.Osv;
using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Osv;

public sealed class EcosystemsTests
{
    [Theory]
    // PEP 503 §Normalized Names: lower case, runs of "-", "_" and "." become one "-".
    [InlineData("PyPI", "Friendly-Bard", "friendly-bard")]
    [InlineData("PyPI", "FRIENDLY-BARD", "friendly-bard")]
    [InlineData("PyPI", "friendly.bard", "friendly-bard")]
    [InlineData("PyPI", "friendly_bard", "friendly-bard")]
    [InlineData("PyPI", "friendly--bard", "friendly-bard")]
    [InlineData("PyPI", "FrIeNdLy-._.-bArD", "friendly-bard")]
    // Maven keeps "group:artifact", Go its module path, npm its scope.
    [InlineData("Maven", "org.apache.logging.log4j:log4j-core", "org.apache.logging.log4j:log4j-core")]
    [InlineData("Go", "github.com/BurntSushi/toml", "github.com/BurntSushi/toml")]
    [InlineData("npm", "@Angular/Core", "@angular/core")]
    [InlineData("crates.io", "serde_json", "serde-json")]
    public void NormalizeName_PerEcosystem_GivesMatchingKey(string ecosystem, string name, string expected) =>
        Assert.Equal(expected, Ecosystems.NormalizeName(ecosystem, name));

    [Theory]
    [InlineData("Debian:12", "Debian")]
    [InlineData("pypi", "PyPI")]
    [InlineData("Alpine:v3.18", "Alpine")]
    public void Base_EcosystemWithRelease_GivesOsvSpelling(string ecosystem, string expected) =>
        Assert.Equal(expected, Ecosystems.Base(ecosystem));

    [Fact]
    public void RangeText_RoundTrip_KeepsEventsAndDebianEpochs()
    {
        OsvRange[] ranges =
        [
            new(OsvRangeType.Semver, [new(OsvEventKind.Introduced, "0"), new(OsvEventKind.Fixed, "1.21.12")]),
            new(OsvRangeType.Ecosystem, [new(OsvEventKind.Introduced, "1:2.0-1"), new(OsvEventKind.LastAffected, "1:2.5-3"), new(OsvEventKind.Limit, "*")]),
            new(OsvRangeType.Git, [new(OsvEventKind.Introduced, "0")]),
        ];

        var parsed = OsvRangeText.ParseRanges(OsvRangeText.FormatRanges(ranges));

        // GIT ranges are not stored as ranges (only counted).
        Assert.Equal(2, parsed.Count);
        Assert.Equal(ranges[0].Events, parsed[0].Events);
        Assert.Equal(ranges[1].Events, parsed[1].Events);
        Assert.Equal(OsvRangeType.Ecosystem, parsed[1].Type);
    }
}
