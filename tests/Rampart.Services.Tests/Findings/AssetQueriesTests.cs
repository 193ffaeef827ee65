using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Findings;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Findings;

/// <summary>An asset's details, sources and component inventory, after real SBOM and ML-BOM imports.</summary>
public sealed class AssetQueriesTests
{
    // cdx-1.5_trivy-0.48.1.json, counted with python3 over the JSON:
    //   len(d["components"]) → 102 (none nested, none with a group), all distinct by (name, version, purl);
    //   d["metadata"]["component"]["name"] → "ubuntu:latest" (Trivy's artifact name: the scope);
    //   14 (vulnerability, affected component) pairs over 10 vulnerabilities → 14 findings.
    //   The "adduser" component: version 3.118ubuntu5, type library, licenses[0].license.name GPL-2.0,
    //   purl pkg:deb/ubuntu/adduser@3.118ubuntu5?arch=all&distro=ubuntu-22.04.
    private const string TrivySbom = "cyclonedx/cdx-1.5_trivy-0.48.1.json";
    private const int TrivySbomComponents = 102;
    private const int TrivySbomFindings = 14;

    // cdx-1.6_ml-bom_spec-example.json: one component, type machine-learning-model, group "CompVis", name
    // "stable-diffusion", version "1.4", publisher "Acme Inc" (no supplier or manufacturer), no purl; its modelCard
    // has task "task goes here" and one inline dataset named "Training Data".
    private const string MlBom = "cyclonedx/cdx-1.6_ml-bom_spec-example.json";

    private static readonly DateTimeOffset ScanDate = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_SbomAndSarifOnOneAsset_ListsBothSourcesWithTheirCounts(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var sbom = await harness.ImportCorpusAsync("ubuntu", TrivySbom, ScanDate);
        var sarif = await harness.ImportCorpusAsync("ubuntu", ReportVariants.Gosec, ScanDate.AddDays(1));

        var detail = await GetAsync(harness, sbom.Asset);

        Assert.NotNull(detail);
        Assert.Equal("ubuntu", detail.Asset.Name);
        Assert.Equal(TrivySbomComponents, detail.ComponentCount);
        Assert.Equal(TrivySbomFindings + 21, detail.Asset.OpenFindings); // gosec.sarif: 21 distinct results (see ScansApiTests)
        Assert.Collection(
            detail.Sources,
            gosec =>
            {
                Assert.Equal(sarif.Tool, gosec.Tool);
                Assert.Equal((sarif.ScanId, ScanDate.AddDays(1), "gosec.sarif", ReportFormat.Sarif), (gosec.LastScanId!.Value, gosec.LastScanDate!.Value, gosec.LastFileName, gosec.LastFormat));
                Assert.Equal((21, 0), (gosec.PresentFindings, gosec.Components));
            },
            trivy =>
            {
                Assert.Equal(("trivy", "ubuntu:latest"), (trivy.Tool, trivy.Scope));
                Assert.Equal((sbom.ScanId, ScanDate, "cdx-1.5_trivy-0.48.1.json", ReportFormat.CycloneDx), (trivy.LastScanId!.Value, trivy.LastScanDate!.Value, trivy.LastFileName, trivy.LastFormat));
                Assert.Equal((TrivySbomFindings, TrivySbomComponents), (trivy.PresentFindings, trivy.Components));
            });
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_MlBomModel_HasProviderVersionAndModelCardButNoSources(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.ImportCorpusAsync("ml-platform", MlBom, ScanDate);
        var modelId = await harness.WithDbAsync(db => db.Assets.Where(a => a.Name == "CompVis/stable-diffusion").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken));

        var model = await GetAsync(harness, modelId);
        var platform = await GetAsync(harness, "ml-platform");

        Assert.NotNull(model);
        Assert.Equal((AssetKind.Model, AssetLayer.Model, SsrmParty.ModelProvider), (model.Asset.Kind, model.Asset.Layer, model.Asset.AccountableParty));
        Assert.Equal(("Acme Inc", "1.4"), (model.Asset.UpstreamProvider, model.Asset.Version));
        Assert.Null(model.Purl);
        Assert.StartsWith("Stable Diffusion is a latent text-to-image diffusion model", model.Description, StringComparison.Ordinal);
        Assert.Contains("task: task goes here", model.ModelCard, StringComparison.Ordinal);
        Assert.Contains("dataset: Training Data", model.ModelCard, StringComparison.Ordinal);
        Assert.Empty(model.Sources); // registered by the ML-BOM of another asset, never scanned itself
        Assert.Equal(0, model.ComponentCount);

        // The ML-BOM's own asset holds the inventory: the model is its one component.
        Assert.NotNull(platform);
        var source = Assert.Single(platform.Sources);
        Assert.Equal((0, 1), (source.PresentFindings, source.Components));
        var components = await ListAsync(harness, platform.Asset.Id, 1, 10);
        var component = Assert.Single(components!.Items);
        Assert.Equal(("CompVis/stable-diffusion", "1.4", "machine-learning-model"), (component.Name, component.Version, component.Type));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListComponentsAsync_PagesOfForty_CoverTheInventoryExactlyOnce(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var import = await harness.ImportCorpusAsync("ubuntu", TrivySbom, ScanDate);
        var assetId = await AssetIdAsync(harness, import.Asset);

        var pages = new List<PageOf<ComponentView>>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add((await ListAsync(harness, assetId, page, 40))!);
        }

        // 102 = 40 + 40 + 22, then nothing.
        Assert.Equal([40, 40, 22, 0], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false, false], pages.Select(p => p.HasMore));
        Assert.All(pages, p => Assert.Equal(TrivySbomComponents, p.TotalCount));
        var listed = pages.SelectMany(p => p.Items).Select(c => (c.Name, c.Version, c.Purl)).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(CorpusComponents(TrivySbom).Order(), listed.Order());
        Assert.All(pages.SelectMany(p => p.Items), c => Assert.Equal(("trivy", "ubuntu:latest"), (c.Tool, c.Scope)));
        var adduser = Assert.Single(pages.SelectMany(p => p.Items), c => c.Name == "adduser");
        Assert.Equal(
            ("3.118ubuntu5", "library", "GPL-2.0", "pkg:deb/ubuntu/adduser@3.118ubuntu5?arch=all&distro=ubuntu-22.04"),
            (adduser.Version, adduser.Type, adduser.License, adduser.Purl));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAndListComponents_UnknownAsset_AreNull(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        Assert.Null(await GetAsync(harness, 4242));
        Assert.Null(await ListAsync(harness, 4242, 1, 10));
    }

    /// <summary>(name, version, purl) of every top-level component, read with System.Text.Json rather than Rampart's reader.</summary>
    private static List<(string Name, string? Version, string? Purl)> CorpusComponents(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Corpus.File(path)));
        return [.. document.RootElement.GetProperty("components").EnumerateArray().Select(c => (
            c.GetProperty("name").GetString()!,
            c.TryGetProperty("version", out var version) ? version.GetString() : null,
            c.TryGetProperty("purl", out var purl) ? purl.GetString() : null))];
    }

    private static Task<long> AssetIdAsync(ServiceHarness harness, string name) =>
        harness.WithDbAsync(db => db.Assets.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken));

    private static async Task<AssetDetail?> GetAsync(ServiceHarness harness, string name) => await GetAsync(harness, await AssetIdAsync(harness, name));

    private static Task<AssetDetail?> GetAsync(ServiceHarness harness, long id) =>
        harness.RunAsync<AssetQueries, AssetDetail?>(q => q.GetAsync(id, TestContext.Current.CancellationToken));

    private static Task<PageOf<ComponentView>?> ListAsync(ServiceHarness harness, long id, int page, int pageSize) =>
        harness.RunAsync<AssetQueries, PageOf<ComponentView>?>(q => q.ListComponentsAsync(id, page, pageSize, TestContext.Current.CancellationToken));
}
