using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Imports;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>
/// Issue 3's correlation rules on both databases: one finding per (asset, weakness) across tools and id aliases,
/// reconciliation per (asset, tool, scope), a byte-identical reimport that changes nothing, and SBOM inventory.
/// The Trivy alpine report (corpus) has one result with four vulnerabilities: CVE-2019-1549 and CVE-2019-1551, each in
/// libcrypto1.1 and libssl1.1 at 1.1.1c-r0.
/// </summary>
public sealed class CorrelationTests
{
    private const string Asset = "alpine-image";

    private static readonly DateTimeOffset Day1 = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_SameCveSamePackageFromTwoTools_OneFindingTwoObservations(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "trivy.json", scanDate: Day1);

        // Another tool (a CycloneDX VEX-less BOM written here) reports CVE-2019-1549 in libcrypto1.1 1.1.1c-r0 under
        // its GHSA id with the CVE as a reference: the same weakness.
        var other = await harness.ImportAsync(Asset, CycloneDx("other-scanner", "GHSA-aaaa-bbbb-cccc", "CVE-2019-1549"), "other.cdx.json", scanDate: Day1.AddDays(1));

        Assert.Equal((1, 0, 1), (other.Findings, other.New, other.Unchanged));
        var findings = await harness.FindingsAsync(Asset);
        Assert.Equal(4, findings.Count);
        var shared = Assert.Single(findings, f => f.ComponentName == "libcrypto1.1" && f.VulnerabilityIds.StartsWith("CVE-2019-1549", StringComparison.Ordinal));
        var detail = await harness.RunAsync<FindingQueries, FindingDetail?>(q => q.GetAsync(shared.Id, TestContext.Current.CancellationToken));
        Assert.Equal(["Trivy", "other-scanner"], detail!.Observations.Select(o => o.Tool).Order(StringComparer.Ordinal));
        Assert.Equal(new TableCounts(Assets: 1, Findings: 4, Observations: 5, Scans: 2), await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_AliasLearnedEarlier_GhsaOnlyReportMeetsTheCveFinding(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "trivy.json", scanDate: Day1);

        // The first tool teaches GHSA-aaaa-bbbb-cccc = CVE-2019-1549; the third names only the GHSA id.
        await harness.ImportAsync(Asset, CycloneDx("tool-b", "GHSA-aaaa-bbbb-cccc", "CVE-2019-1549"), "b.cdx.json", scanDate: Day1.AddDays(1));
        var third = await harness.ImportAsync(Asset, CycloneDx("tool-c", "GHSA-aaaa-bbbb-cccc"), "c.cdx.json", scanDate: Day1.AddDays(2));

        Assert.Equal((1, 0), (third.Findings, third.New));
        Assert.Equal(4, (await harness.FindingsAsync(Asset)).Count);
        var aliases = await harness.WithDbAsync(db => db.VulnerabilityAliases.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        var alias = Assert.Single(aliases);
        Assert.Equal(("GHSA-AAAA-BBBB-CCCC", "CVE-2019-1549"), (alias.Alias, alias.CanonicalId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_TwoScopesOfOneTool_DoNotCloseEachOther(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // Two images of one asset, scanned by Trivy: ArtifactName is the scope.
        var imageA = ReportVariants.Edit(ReportVariants.TrivyAlpine, report => report["ArtifactName"] = "registry/app:1");
        var imageB = ReportVariants.Edit(ReportVariants.TrivyAlpine, report =>
        {
            report["ArtifactName"] = "registry/worker:1";
            var vulnerabilities = ReportVariants.TrivyVulnerabilities(report);
            vulnerabilities.Clear();
            vulnerabilities.Add(ReportVariants.TrivyVulnerabilityLike(ReportVariants.TrivyVulnerabilities(JsonNode.Parse(ReportVariants.Bytes(ReportVariants.TrivyAlpine))!)[0]!, "CVE-2099-0002", "worker-only weakness"));
        });
        var imageAWithoutOne = ReportVariants.Edit(ReportVariants.TrivyAlpine, report =>
        {
            report["ArtifactName"] = "registry/app:1";
            ReportVariants.TrivyVulnerabilities(report).RemoveAt(0);
        });

        var a = await harness.ImportAsync(Asset, imageA, "app.json", scanDate: Day1);
        var b = await harness.ImportAsync(Asset, imageB, "worker.json", scanDate: Day1.AddDays(1));
        var again = await harness.ImportAsync(Asset, imageAWithoutOne, "app.json", scanDate: Day1.AddDays(2));

        Assert.Equal(("registry/app:1", 4, 0), (a.Scope, a.New, a.Closed));
        Assert.Equal(("registry/worker:1", 1, 0), (b.Scope, b.New, b.Closed)); // A's four stay open
        Assert.Equal(("registry/app:1", 0, 1), (again.Scope, again.New, again.Closed)); // only A's own missing one
        var findings = await harness.FindingsAsync(Asset);
        Assert.Equal(4, findings.Count(f => f.Status == FindingStatus.Open));
        Assert.Equal(1, findings.Count(f => f.Status == FindingStatus.Fixed));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_ScopeGivenByTheUser_OverridesTheReport(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var result = await harness.ImportAsync(Asset, ReportVariants.Bytes(ReportVariants.TrivyAlpine), "trivy.json", scanDate: Day1, scope: "nightly");

        Assert.Equal("nightly", result.Scope);
        var source = await harness.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("Trivy", "nightly", result.ScanId), (source.Tool, source.Scope, source.LastScanId!.Value));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_ByteIdenticalFileAgain_IsANoOpThatSaysSo(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var report = ReportVariants.Bytes(ReportVariants.TrivyAlpine);
        var first = await harness.ImportAsync(Asset, report, "alpine.json");
        var counts = await harness.CountAsync();

        var again = await harness.ImportAsync(Asset, report, "renamed.json");

        Assert.True(again.AlreadyImported);
        Assert.False(first.AlreadyImported);
        Assert.Equal((first.ScanId, 4, 0, 4), (again.ScanId, again.Findings, again.New, again.Unchanged));
        Assert.Equal(counts, await harness.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_OldFileAfterANewerScan_IsARealImportAgain(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var original = ReportVariants.Bytes(ReportVariants.TrivyAlpine);
        var withoutOne = ReportVariants.Edit(ReportVariants.TrivyAlpine, report => ReportVariants.TrivyVulnerabilities(report).RemoveAt(0));
        await harness.ImportAsync(Asset, original, "alpine.json", scanDate: Day1);
        await harness.ImportAsync(Asset, withoutOne, "alpine.json", scanDate: Day1.AddDays(1));

        // The original is no longer the latest scan of its source: importing it reopens what it shows.
        var back = await harness.ImportAsync(Asset, original, "alpine.json");

        Assert.False(back.AlreadyImported);
        Assert.Equal(1, back.Reopened);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Sbom_RegistersTheInventoryAndReplacesItOnTheNextSbom(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // cdx-1.5_trivy-0.48.1.json lists 102 components (jq '[.components[]] | length'; none nested) and 14 vulnerability/affects pairs.
        var first = await harness.ImportCorpusAsync("ubuntu", "cyclonedx/cdx-1.5_trivy-0.48.1.json");
        var components = await harness.WithDbAsync(db => db.Components.CountAsync(TestContext.Current.CancellationToken));

        Assert.Equal((102, 14), (first.Components, first.Findings));
        Assert.Equal(102, components);

        // The same tool sends a smaller SBOM (the npm one, 13 components): the inventory of that source is replaced.
        var second = await harness.ImportAsync("ubuntu", ReportVariants.Bytes("cyclonedx/cdx-1.6_trivy_npm.json"), "npm.cdx.json", scope: first.Scope);
        Assert.Equal(13, second.Components);
        Assert.Equal(13, await harness.WithDbAsync(db => db.Components.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_MlBom_RegistersTheModelAsAnAssetOfTheModelLayer(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        await harness.ImportCorpusAsync("ml-platform", "cyclonedx/cdx-1.6_ml-bom_spec-example.json");

        var models = await harness.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.Kind == AssetKind.Model).ToListAsync(TestContext.Current.CancellationToken));
        var model = Assert.Single(models);
        Assert.Equal(AssetLayer.Model, model.Layer);
        Assert.Equal(Rampart.Core.Assets.SsrmParty.ModelProvider, model.AccountableParty);
        Assert.False(string.IsNullOrEmpty(model.ModelCard));
    }

    /// <summary>A minimal CycloneDX 1.5 BOM: one component (libcrypto1.1 1.1.1c-r0) and one vulnerability affecting it.</summary>
    private static byte[] CycloneDx(string tool, string id, params string[] references)
    {
        var bom = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.5",
            ["metadata"] = new JsonObject { ["tools"] = new JsonArray(new JsonObject { ["name"] = tool }) },
            ["components"] = new JsonArray(new JsonObject
            {
                ["bom-ref"] = "c1", ["type"] = "library", ["name"] = "libcrypto1.1", ["version"] = "1.1.1c-r0",
                ["purl"] = "pkg:apk/alpine/libcrypto1.1@1.1.1c-r0?arch=x86_64",
            }),
            ["vulnerabilities"] = new JsonArray(new JsonObject
            {
                ["id"] = id,
                ["references"] = new JsonArray([.. references.Select(r => (JsonNode)new JsonObject { ["id"] = r })]),
                ["ratings"] = new JsonArray(new JsonObject { ["severity"] = "medium" }),
                ["affects"] = new JsonArray(new JsonObject { ["ref"] = "c1" }),
            }),
        };
        return Encoding.UTF8.GetBytes(bom.ToJsonString());
    }
}
