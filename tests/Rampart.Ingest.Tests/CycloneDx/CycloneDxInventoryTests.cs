using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.CycloneDx;

/// <summary>Every CycloneDX BOM lists its components (nested ones included) and, for ML-BOMs, its models and datasets.</summary>
public sealed class CycloneDxInventoryTests
{
    /// <summary>
    /// Expected counts, computed with jq on the files (the subject <c>metadata.component</c> is not counted; components
    /// nested in it or in other components are):
    /// components <c>jq '[.components[]? | recurse(.components[]?)] + [.metadata.component.components[]? | recurse(.components[]?)] | length'</c>;
    /// AI assets <c>jq '[.metadata.component?, (.components[]? | recurse(.components[]?)) | select(. != null)
    /// | select(.type=="machine-learning-model" or .type=="data")] | length'</c>;
    /// findings <c>jq '[.vulnerabilities[]? | if ((.affects//[])|length)==0 then 1 else (.affects|length) end] | add // 0'</c>.
    /// XML: python3 ElementTree, <c>len(root.findall('{ns}components//{ns}component'))</c> and
    /// <c>sum(max(1, len(v.findall('{ns}affects/{ns}target'))) for v in root.iter('{ns}vulnerability'))</c>.
    /// None of these files nests components, so nested counting changes nothing here; the XML sample tests cover it.
    /// </summary>
    public static TheoryData<string, int, int, int> Files => new()
    {
        { "cyclonedx/cdx-1.4_cyclonedx-npm_juice-shop_large.json", 1115, 0, 0 },
        { "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json", 1, 0, 8 },
        { "cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml", 1, 0, 8 },
        { "cyclonedx/cdx-1.4_vex_cisa-use-case-2.json", 0, 0, 19 },
        { "cyclonedx/cdx-1.5_trivy-0.48.1.json", 102, 0, 14 },
        { "cyclonedx/cdx-1.6_ml-bom_spec-example.json", 1, 1, 0 },
        { "cyclonedx/cdx-1.6_trivy_npm.json", 13, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ReadAsync_CorpusBom_ListsEveryComponent(string file, int components, int aiAssets, int findings)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(ReportFormat.CycloneDx, ReportFile.DetectCorpus(file));
        Assert.Equal((components, aiAssets, findings), (outcome.Metadata.Components.Count, outcome.Metadata.AiAssets.Count, outcome.Findings.Count));
    }

    [Fact]
    public void Files_CycloneDxFolder_EveryFileIsCovered()
    {
        var covered = Files.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        var missing = Corpus.Folder("cyclonedx").Select(path => $"cyclonedx/{Path.GetFileName(path)}").Where(f => !covered.Contains(f)).ToList();

        Assert.True(missing.Count == 0, $"add expected counts for: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task ReadAsync_JuiceShop_GivesGroupNamePurlAndLicense()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.4_cyclonedx-npm_juice-shop_large.json");

        // The first component: group "@babel", name "helper-string-parser", licenses [{license: {id: MIT}}].
        Assert.Equal(
            new ReportedComponent
            {
                Name = "@babel/helper-string-parser", Version = "7.19.4", Type = "library", License = "MIT",
                Purl = "pkg:npm/%40babel/helper-string-parser@7.19.4#packages/babel-helper-string-parser",
            },
            outcome.Metadata.Components[0]);
        Assert.Equal("(MIT OR Apache-2.0)", Assert.Single(outcome.Metadata.Components, c => c.Name == "atob").License); // licenses [{expression}]
        Assert.Equal("juice-shop", outcome.Metadata.Scope);
        Assert.DoesNotContain(outcome.Metadata.Components, c => c.Name == "juice-shop"); // the subject
    }

    [Fact]
    public async Task ReadAsync_Trivy15_GivesSupplierLicenseNameAndOsComponent()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.5_trivy-0.48.1.json");

        // adduser: supplier {name: "Ubuntu Developers <…>"}, licenses [{license: {name: GPL-2.0}}]; libc6 lists three names, the first is kept.
        var adduser = Assert.Single(outcome.Metadata.Components, c => c.Name == "adduser");
        Assert.Equal(("3.118ubuntu5", "GPL-2.0", "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>"), (adduser.Version, adduser.License, adduser.Supplier));
        Assert.Equal("LGPL-2.1", Assert.Single(outcome.Metadata.Components, c => c.Name == "libc6").License);
        var os = Assert.Single(outcome.Metadata.Components, c => c.Type == "operating-system");
        Assert.Equal(("ubuntu", "22.04", (string?)null), (os.Name, os.Version, os.Purl));
        Assert.Equal("ubuntu:latest", outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_MlBomSpecExample_GivesModelAssetWithCard()
    {
        var outcome = await ReportFile.ReadCorpusAsync("cyclonedx/cdx-1.6_ml-bom_spec-example.json");

        // One component: type machine-learning-model, publisher "Acme Inc", group CompVis, name stable-diffusion, version 1.4.
        // Its one dataset is written inline in the model card ("Training Data"), so it is named there, not made an asset.
        var model = Assert.Single(outcome.Metadata.AiAssets);
        Assert.Equal(("CompVis/stable-diffusion", "1.4", AssetKind.Model, AssetLayer.Model, "Acme Inc"), (model.Name, model.Version, model.Kind, model.Layer, model.UpstreamProvider));
        Assert.StartsWith("Stable Diffusion is a latent text-to-image diffusion model", model.Description, StringComparison.Ordinal);
        Assert.Equal(
            [
                "approach: supervised",
                "task: task goes here",
                "architecture family: the architecture family goes here",
                "model architecture: The architecture of the model.",
                "dataset: Training Data",
                "inputs: string",
                "outputs: byte[]",
                "performance metric: The type of performance metric = The value of the performance metric [The lower bound of the confidence interval, The upper bound of the confidence interval] (slice: The name of the slice this metric was computed on. By default, assume this metric is not sliced)",
                "use case: Who are the intended users of the model?",
                "use case: Text-to-image generation for creative applications",
                "technical limitation: What are the known technical limitations of the model? E.g. What kind(s) of data should the model be expected not to perform well on? What are the factors that might degrade model performance?",
                "technical limitation: Limited performance on non-photographic styles",
                "ethical consideration: The name of the risk (mitigation: Strategy used to address this risk)",
            ],
            model.ModelCard!.Split('\n'));
        var component = Assert.Single(outcome.Metadata.Components);
        Assert.Equal(("CompVis/stable-diffusion", "machine-learning-model", "Acme Inc"), (component.Name, component.Type, component.Supplier));
    }

    [Fact]
    public async Task ReadAsync_SubjectIsModel_GivesAssetButNoComponent()
    {
        var bom = """
            {"bomFormat":"CycloneDX","specVersion":"1.6",
             "metadata":{"component":{"type":"machine-learning-model","name":"llama","version":"3","supplier":{"name":"Meta"},
               "components":[{"type":"data","name":"corpus","authors":[{"name":"A"},{"name":"B"}]}]}}}
            """;

        var outcome = await ReportFile.ReadBytesAsync(System.Text.Encoding.UTF8.GetBytes(bom), "subject.json");

        Assert.Equal([("llama", AssetKind.Model, "Meta"), ("corpus", AssetKind.Dataset, "A, B")], outcome.Metadata.AiAssets.Select(a => (a.Name, a.Kind, a.UpstreamProvider)));
        Assert.Equal("corpus", Assert.Single(outcome.Metadata.Components).Name); // what the subject is made of
    }

    [Fact]
    public async Task ReadAsync_HostileModelCard_IsCleanedAndClipped()
    {
        var limitations = string.Join(',', Enumerable.Repeat("\"bad\\u202Etext " + new string('x', 400) + "\"", 40));
        var bom = """{"bomFormat":"CycloneDX","components":[{"type":"machine-learning-model","name":"m","modelCard":{"considerations":{"technicalLimitations":["""
            + limitations + "]}}}]}";

        var outcome = await ReportFile.ReadBytesAsync(System.Text.Encoding.UTF8.GetBytes(bom), "hostile.json");

        var card = Assert.Single(outcome.Metadata.AiAssets).ModelCard!;
        Assert.Equal(4000, card.Length);
        Assert.DoesNotContain('\u202E', card);
    }
}
