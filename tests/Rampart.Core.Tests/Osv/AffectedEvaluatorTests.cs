using Rampart.Core.Osv;
using Rampart.Core.Versions;

namespace Rampart.Core.Tests.Osv;

/// <summary>
/// The OSV schema's range evaluation (ossf.github.io/osv-schema, §affected[].ranges and §Evaluation). Expected values
/// are worked by hand from the events; the Go and PyPI ranges are those of the corpus records GO-2024-2963 and
/// PYSEC-2023-74.
/// </summary>
public sealed class AffectedEvaluatorTests
{
    private static OsvEvent I(string v) => new(OsvEventKind.Introduced, v);

    private static OsvEvent F(string v) => new(OsvEventKind.Fixed, v);

    private static OsvEvent L(string v) => new(OsvEventKind.LastAffected, v);

    private static OsvEvent Limit(string v) => new(OsvEventKind.Limit, v);

    private static OsvAffected Package(string ecosystem, OsvRangeType type, params OsvEvent[] events) =>
        new(ecosystem, "pkg", [new OsvRange(type, events)], []);

    private static AffectedVerdict Evaluate(OsvAffected affected, string version) =>
        AffectedEvaluator.Evaluate(affected, version, VersionSchemes.For(affected.Ecosystem));

    // GO-2024-2963 (corpus): introduced 0, fixed 1.21.12, introduced 1.22.0-0, fixed 1.22.5.
    private static readonly OsvAffected GoStdlib = Package("Go", OsvRangeType.Semver, I("0"), F("1.21.12"), I("1.22.0-0"), F("1.22.5"));

    [Theory]
    [InlineData("v1.20.0", true, "1.21.12")]
    [InlineData("v1.21.11", true, "1.21.12")]
    [InlineData("v1.21.12", false, null)]  // fixed is exclusive
    [InlineData("v1.22.0-rc.1", true, "1.22.5")] // 1.22.0-0 <= 1.22.0-rc.1 (semver.org §11.4)
    [InlineData("v1.22.4", true, "1.22.5")]
    [InlineData("v1.22.5", false, null)]
    [InlineData("v1.23.0", false, null)]
    public void Evaluate_GoStdlibTwoSpans_AffectedBetweenIntroducedAndFixed(string installed, bool affected, string? fixedVersion)
    {
        var verdict = Evaluate(GoStdlib, installed);

        Assert.Equal(affected, verdict.Affected);
        Assert.Equal(fixedVersion, verdict.FixedVersion);
    }

    [Theory]
    [InlineData("2.2.1", false)]
    [InlineData("2.3.0", true)]   // introduced is inclusive
    [InlineData("2.30.0", true)]  // PEP 440 orders 2.30 above 2.4, not as text
    [InlineData("2.31.0", false)]
    public void Evaluate_PysecEcosystemRange_UsesPep440(string installed, bool affected) =>
        // PYSEC-2023-74 (corpus): ECOSYSTEM introduced 2.3.0, fixed 2.31.0; its GIT range is skipped.
        Assert.Equal(affected, AffectedEvaluator.Evaluate(
            new OsvAffected("PyPI", "requests",
                [new OsvRange(OsvRangeType.Git, [I("0"), F("74ea7cf7a6a27a4eeb2ae24e162bcc942a6706d5")]), new OsvRange(OsvRangeType.Ecosystem, [I("2.3.0"), F("2.31.0")])], []),
            installed, Pep440Scheme.Instance).Affected);

    [Fact]
    public void Evaluate_GitRange_IsSkippedAndCounted()
    {
        var affected = new OsvAffected("PyPI", "requests", [new OsvRange(OsvRangeType.Git, [I("0"), F("74ea7cf")])], []);

        var verdict = AffectedEvaluator.Evaluate(affected, "2.0.0", Pep440Scheme.Instance);

        Assert.False(verdict.Affected, "a GIT range cannot say anything about a version number");
        Assert.Equal(1, verdict.SkippedGitRanges);
    }

    [Theory]
    [InlineData("1.0.0", false)]
    [InlineData("1.2.0", true)]
    [InlineData("1.4.2", true)]  // last_affected is inclusive
    [InlineData("1.4.3", false)]
    public void Evaluate_LastAffected_IsInclusive(string installed, bool affected) =>
        Assert.Equal(affected, Evaluate(Package("npm", OsvRangeType.Semver, I("1.2.0"), L("1.4.2")), installed).Affected);

    [Fact]
    public void Evaluate_LastAffectedRange_HasNoFixedVersion() =>
        Assert.Null(Evaluate(Package("npm", OsvRangeType.Semver, I("0"), L("1.4.2")), "1.0.0").FixedVersion);

    [Theory]
    [InlineData("1.9.0", true)]
    [InlineData("2.0.0", false)] // at the limit: outside the range
    [InlineData("3.0.0", false)]
    public void Evaluate_Limit_CapsTheRange(string installed, bool affected) =>
        // introduced 0 with no fixed would affect everything; "limit": "2.0.0" caps it.
        Assert.Equal(affected, Evaluate(Package("npm", OsvRangeType.Semver, I("0"), Limit("2.0.0")), installed).Affected);

    [Fact]
    public void Evaluate_StarLimit_IsNoLimit() =>
        Assert.True(Evaluate(Package("npm", OsvRangeType.Semver, I("0"), Limit("*")), "99.0.0").Affected);

    [Fact]
    public void Evaluate_EventsOutOfOrder_AreSortedFirst() =>
        // §Evaluation sorts events by version before walking them: fixed listed before its introduced.
        Assert.False(Evaluate(Package("npm", OsvRangeType.Semver, F("2.0.0"), I("1.0.0")), "2.5.0").Affected);

    [Fact]
    public void Evaluate_ExplicitVersions_MatchWithoutRanges()
    {
        // GHSA-9v2f-6vcg-3hgv (corpus) lists versions only: "4.36.1" and the unreadable "4.36.-1".
        var gradio = new OsvAffected("PyPI", "gradio", [], ["4.36.1", "4.36.-1"]);

        Assert.True(AffectedEvaluator.Evaluate(gradio, "4.36.1", Pep440Scheme.Instance).Affected);
        Assert.False(AffectedEvaluator.Evaluate(gradio, "4.36.2", Pep440Scheme.Instance).Affected);
    }

    [Fact]
    public void Evaluate_ExplicitVersionOtherSpelling_MatchesByScheme() =>
        // PEP 440 §Final releases: "2.0" and "2.0.0" are the same release.
        Assert.True(AffectedEvaluator.Evaluate(new OsvAffected("PyPI", "x", [], ["2.0"]), "2.0.0", Pep440Scheme.Instance).Affected);

    [Fact]
    public void Evaluate_EcosystemWithoutScheme_CountsRangeAsUnevaluated()
    {
        var alpine = Package("Alpine:v3.18", OsvRangeType.Ecosystem, I("0"), F("1.0.2q-r0"));

        var verdict = AffectedEvaluator.Evaluate(alpine, "1.0.2p-r0", scheme: null);

        Assert.False(verdict.Affected);
        Assert.Equal(1, verdict.UnevaluatedRanges);
    }

    [Fact]
    public void Evaluate_UnreadableInstalledVersion_IsReportedNotThrown()
    {
        var verdict = Evaluate(Package("PyPI", OsvRangeType.Ecosystem, I("0"), F("2.0")), "not-a-version");

        Assert.False(verdict.Affected);
        Assert.True(verdict.InstalledUnparseable);
    }

    [Fact]
    public void Evaluate_TwoRangesWithFixes_GivesLowestFixAboveInstalled() =>
        // Maven log4j-core: introduced 2.13.0 fixed 2.15.0, and a second range introduced 2.0-beta9 fixed 2.16.0.
        Assert.Equal("2.15.0", AffectedEvaluator.Evaluate(
            new OsvAffected("Maven", "org.apache.logging.log4j:log4j-core",
                [new OsvRange(OsvRangeType.Ecosystem, [I("2.0-beta9"), F("2.16.0")]), new OsvRange(OsvRangeType.Ecosystem, [I("2.13.0"), F("2.15.0")])], []),
            "2.13.2", MavenScheme.Instance).FixedVersion);
}
