using System.Text;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.CycloneDx;

/// <summary>CycloneDX XML 1.4–1.6 gives what the same BOM gives in JSON.</summary>
public sealed class CycloneDxXmlTests
{
    private const string GrypeXml = "cyclonedx/cdx-1.4_grype-0.41.0_log4j.xml";
    private const string GrypeJson = "cyclonedx/cdx-1.4_grype-0.41.0_log4j.json";

    /// <summary>One BOM written by hand in both encodings: tools as components (1.5+), nested components, licenses,
    /// an ML model with its card, a dataset, a service, and vulnerabilities with every field the reader maps.</summary>
    private const string SampleXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
          <metadata>
            <timestamp>2024-05-01T10:00:00Z</timestamp>
            <tools>
              <components>
                <component type="application"><name>acme-scanner</name><version>2.1</version></component>
              </components>
            </tools>
            <component type="application" bom-ref="app"><name>shop</name><version>3.0</version></component>
          </metadata>
          <components>
            <component type="library" bom-ref="lib-a">
              <supplier><name>Acme Corp</name></supplier>
              <group>org.acme</group>
              <name>parser</name>
              <version>1.2.0</version>
              <licenses><license><id>Apache-2.0</id></license></licenses>
              <cpe>cpe:2.3:a:acme:parser:1.2.0:*:*:*:*:*:*:*</cpe>
              <purl>pkg:maven/org.acme/parser@1.2.0</purl>
              <components>
                <component type="library" bom-ref="lib-a-shaded">
                  <name>shaded-util</name>
                  <version>0.9</version>
                  <licenses><expression>MIT OR Apache-2.0</expression></licenses>
                  <purl>pkg:maven/org.acme/shaded-util@0.9</purl>
                </component>
              </components>
            </component>
            <component type="data" bom-ref="ds-reviews">
              <manufacturer><name>Review Co</name></manufacturer>
              <name>reviews</name>
              <version>2024.1</version>
            </component>
            <component type="machine-learning-model" bom-ref="model">
              <authors><author><name>Jane Roe</name></author></authors>
              <name>sentiment</name>
              <version>2</version>
              <description>Classifies reviews.</description>
              <modelCard>
                <modelParameters>
                  <approach><type>supervised</type></approach>
                  <task>text-classification</task>
                  <architectureFamily>transformer</architectureFamily>
                  <modelArchitecture>BertForSequenceClassification</modelArchitecture>
                  <datasets><dataset><ref>ds-reviews</ref></dataset></datasets>
                  <inputs><input><format>string</format></input></inputs>
                  <outputs><output><format>label</format></output></outputs>
                </modelParameters>
                <quantitativeAnalysis>
                  <performanceMetrics>
                    <performanceMetric><type>accuracy</type><value>0.91</value><slice>en</slice></performanceMetric>
                  </performanceMetrics>
                </quantitativeAnalysis>
                <considerations>
                  <useCases><useCase>Review triage</useCase></useCases>
                  <technicalLimitations><technicalLimitation>English only</technicalLimitation></technicalLimitations>
                  <ethicalConsiderations>
                    <ethicalConsideration><name>Bias against dialects</name><mitigationStrategy>Human review</mitigationStrategy></ethicalConsideration>
                  </ethicalConsiderations>
                </considerations>
              </modelCard>
            </component>
          </components>
          <services>
            <service bom-ref="api"><name>scoring-api</name><version>1</version></service>
          </services>
          <dependencies>
            <dependency ref="app"><dependency ref="lib-a"/></dependency>
          </dependencies>
          <vulnerabilities>
            <vulnerability bom-ref="v1">
              <id>CVE-2024-1111</id>
              <references><reference><id>GHSA-abcd-efgh-ijkl</id><source><name>GitHub</name></source></reference></references>
              <ratings>
                <rating><score>8.1</score><severity>high</severity><method>CVSSv31</method><vector>AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H</vector></rating>
              </ratings>
              <cwes><cwe>502</cwe></cwes>
              <description>Deserialization of untrusted data.</description>
              <analysis><state>exploitable</state><detail>Reachable from the upload API.</detail></analysis>
              <affects>
                <target><ref>lib-a</ref></target>
                <target><ref>lib-a-shaded</ref><versions><version><version>1.0</version><status>unaffected</status></version></versions></target>
              </affects>
            </vulnerability>
            <vulnerability>
              <id>CVE-2024-2222</id>
              <ratings><rating><score>9.8</score></rating></ratings>
              <analysis><state>not_affected</state><justification>code_not_reachable</justification></analysis>
              <affects><target><ref>api</ref></target></affects>
            </vulnerability>
            <vulnerability>
              <id>CVE-2024-3333</id>
              <recommendation>Upgrade to version 1.0.1</recommendation>
              <affects><target><ref>pkg:npm/left-pad@1.0.0</ref></target></affects>
            </vulnerability>
          </vulnerabilities>
        </bom>
        """;

    private const string SampleJson = """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
          "metadata": {
            "timestamp": "2024-05-01T10:00:00Z",
            "tools": {"components": [{"type": "application", "name": "acme-scanner", "version": "2.1"}]},
            "component": {"type": "application", "bom-ref": "app", "name": "shop", "version": "3.0"}
          },
          "components": [
            {"type": "library", "bom-ref": "lib-a", "supplier": {"name": "Acme Corp"}, "group": "org.acme", "name": "parser",
             "version": "1.2.0", "licenses": [{"license": {"id": "Apache-2.0"}}], "cpe": "cpe:2.3:a:acme:parser:1.2.0:*:*:*:*:*:*:*",
             "purl": "pkg:maven/org.acme/parser@1.2.0",
             "components": [{"type": "library", "bom-ref": "lib-a-shaded", "name": "shaded-util", "version": "0.9",
                             "licenses": [{"expression": "MIT OR Apache-2.0"}], "purl": "pkg:maven/org.acme/shaded-util@0.9"}]},
            {"type": "data", "bom-ref": "ds-reviews", "manufacturer": {"name": "Review Co"}, "name": "reviews", "version": "2024.1"},
            {"type": "machine-learning-model", "bom-ref": "model", "authors": [{"name": "Jane Roe"}], "name": "sentiment", "version": "2",
             "description": "Classifies reviews.",
             "modelCard": {
               "modelParameters": {"approach": {"type": "supervised"}, "task": "text-classification", "architectureFamily": "transformer",
                 "modelArchitecture": "BertForSequenceClassification", "datasets": [{"ref": "ds-reviews"}],
                 "inputs": [{"format": "string"}], "outputs": [{"format": "label"}]},
               "quantitativeAnalysis": {"performanceMetrics": [{"type": "accuracy", "value": "0.91", "slice": "en"}]},
               "considerations": {"useCases": ["Review triage"], "technicalLimitations": ["English only"],
                 "ethicalConsiderations": [{"name": "Bias against dialects", "mitigationStrategy": "Human review"}]}}}
          ],
          "services": [{"bom-ref": "api", "name": "scoring-api", "version": "1"}],
          "dependencies": [{"ref": "app", "dependsOn": ["lib-a"]}],
          "vulnerabilities": [
            {"bom-ref": "v1", "id": "CVE-2024-1111", "references": [{"id": "GHSA-abcd-efgh-ijkl", "source": {"name": "GitHub"}}],
             "ratings": [{"score": 8.1, "severity": "high", "method": "CVSSv31", "vector": "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "cwes": [502], "description": "Deserialization of untrusted data.",
             "analysis": {"state": "exploitable", "detail": "Reachable from the upload API."},
             "affects": [{"ref": "lib-a"}, {"ref": "lib-a-shaded", "versions": [{"version": "1.0", "status": "unaffected"}]}]},
            {"id": "CVE-2024-2222", "ratings": [{"score": 9.8}],
             "analysis": {"state": "not_affected", "justification": "code_not_reachable"}, "affects": [{"ref": "api"}]},
            {"id": "CVE-2024-3333", "recommendation": "Upgrade to version 1.0.1", "affects": [{"ref": "pkg:npm/left-pad@1.0.0"}]}
          ]
        }
        """;

    [Fact]
    public async Task ReadAsync_GrypeLog4jXmlAndJson_GiveEqualFindings()
    {
        var xml = await ReportFile.ReadCorpusAsync(GrypeXml);
        var json = await ReportFile.ReadCorpusAsync(GrypeJson);

        // The same grype 0.41.0 scan exported in both encodings (8 vulnerabilities, each affecting the one log4j-core component).
        Assert.Equal(8, xml.Findings.Count);
        Assert.Equal(json.Findings.Select(FindingFingerprint.Compute), xml.Findings.Select(FindingFingerprint.Compute));
        Assert.Equal(json.Findings.Select(Facts), xml.Findings.Select(Facts));
    }

    [Fact]
    public async Task ReadAsync_GrypeLog4jXml_ReadsToolDateScopeAndComponent()
    {
        var outcome = await ReportFile.ReadCorpusAsync(GrypeXml);

        // <timestamp>2022-07-22T09:45:22+01:00</timestamp> (the JSON export says :32); <tool><name>grype</name><version>0.41.0</version>.
        Assert.Equal(("grype", "0.41.0"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion));
        Assert.Equal(new DateTimeOffset(2022, 7, 22, 9, 45, 22, TimeSpan.FromHours(1)), outcome.Metadata.ScanDate);
        Assert.Equal("./configuration/.m2/repository/org/apache/logging/log4j/log4j-core/2.13.2", outcome.Metadata.Scope);
        var component = Assert.Single(outcome.Metadata.Components);
        Assert.Equal(new ReportedComponent { Name = "log4j-core", Version = "2.13.2", Purl = "pkg:maven/org.apache.logging.log4j/log4j-core@2.13.2", Type = "library" }, component);
    }

    [Fact]
    public async Task ReadAsync_GrypeLog4jXml_MapsRatingsAndIds()
    {
        var outcome = await ReportFile.ReadCorpusAsync(GrypeXml);

        // <id>CVE-2021-45046</id>: ratings critical, CVSSv2 AV:N/AC:H/Au:N/C:P/I:P/A:P, CVSSv31 CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H.
        var finding = Assert.Single(outcome.Findings, f => f.VulnerabilityIds.SequenceEqual(["CVE-2021-45046"]));
        Assert.Equal("CVE-2021-45046 in log4j-core", finding.Title);
        Assert.Equal(Severity.Critical, finding.ToolSeverity);
        Assert.Equal(["AV:N/AC:H/Au:N/C:P/I:P/A:P", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H"], finding.CvssVectors);
        Assert.Equal(("log4j-core", "2.13.2"), (finding.ComponentName, finding.ComponentVersion));
        Assert.Equal("VEX analysis: in_triage", finding.Message);
        Assert.Null(finding.AnalysisStatus);
    }

    [Fact]
    public async Task ReadAsync_SameBomInBothEncodings_GivesSameFindingsComponentsAndAssets()
    {
        var xml = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(SampleXml), "sample.xml");
        var json = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(SampleJson), "sample.json");

        Assert.Equal((ReportFormat.CycloneDx, ReportFormat.CycloneDx), (xml.Metadata.Format, json.Metadata.Format));
        Assert.Equal(4, xml.Findings.Count); // 2 affects + 1 + 1
        Assert.Equal(json.Findings.Select(Facts), xml.Findings.Select(Facts));
        Assert.Equal(json.Metadata.Components, xml.Metadata.Components);
        Assert.Equal(json.Metadata.AiAssets, xml.Metadata.AiAssets);
        Assert.Equal(
            (json.Metadata.Tool, json.Metadata.ToolVersion, json.Metadata.ScanDate, json.Metadata.Scope),
            (xml.Metadata.Tool, xml.Metadata.ToolVersion, xml.Metadata.ScanDate, xml.Metadata.Scope));
    }

    [Fact]
    public async Task ReadAsync_SampleXml_MapsVulnerabilityFields()
    {
        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(SampleXml), "sample.xml");

        Assert.Equal(("acme-scanner", "2.1", "shop"), (outcome.Metadata.Tool, outcome.Metadata.ToolVersion, outcome.Metadata.Scope));
        var shaded = outcome.Findings[1];
        Assert.Equal("CVE-2024-1111 in shaded-util", shaded.Title);
        Assert.Equal(["CVE-2024-1111", "GHSA-abcd-efgh-ijkl"], shaded.VulnerabilityIds);
        Assert.Equal(["CWE-502"], shaded.Cwes);
        Assert.Equal(["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H"], shaded.CvssVectors);
        Assert.Equal((Severity.High, "1.0", "pkg:maven/org.acme/shaded-util@0.9"), (shaded.ToolSeverity, shaded.FixedVersion, shaded.ComponentPurl));
        Assert.Equal("Deserialization of untrusted data.", shaded.Description);
        Assert.Equal("VEX analysis: exploitable: Reachable from the upload API.", shaded.Message);

        var service = outcome.Findings[2]; // affects the service "api"; severity from the score alone
        Assert.Equal(("scoring-api", Severity.Critical, FindingStatus.NotAffected, true), (service.ComponentName, service.ToolSeverity, service.AnalysisStatus, service.Suppressed));
        var unlisted = outcome.Findings[3]; // ref is a purl not listed as a component
        Assert.Equal(("pkg:npm/left-pad@1.0.0", "left-pad", "1.0.0", "1.0.1"), (unlisted.ComponentPurl, unlisted.ComponentName, unlisted.ComponentVersion, unlisted.FixedVersion));
    }

    [Fact]
    public async Task ReadAsync_SampleXml_ListsComponentsIncludingNestedButNotSubjectOrServices()
    {
        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(SampleXml), "sample.xml");

        Assert.Equal(["org.acme/parser", "shaded-util", "reviews", "sentiment"], outcome.Metadata.Components.Select(c => c.Name));
        Assert.Equal(
            new ReportedComponent
            {
                Name = "org.acme/parser", Version = "1.2.0", Purl = "pkg:maven/org.acme/parser@1.2.0", Type = "library",
                Supplier = "Acme Corp", License = "Apache-2.0", Cpe = "cpe:2.3:a:acme:parser:1.2.0:*:*:*:*:*:*:*",
            },
            outcome.Metadata.Components[0]);
        Assert.Equal("MIT OR Apache-2.0", outcome.Metadata.Components[1].License);
        Assert.Equal(("data", "Review Co"), (outcome.Metadata.Components[2].Type, outcome.Metadata.Components[2].Supplier));
    }

    [Fact]
    public async Task ReadAsync_SampleXml_GivesModelAndDatasetAssets()
    {
        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(SampleXml), "sample.xml");

        var dataset = Assert.Single(outcome.Metadata.AiAssets, a => a.Kind == AssetKind.Dataset);
        Assert.Equal(("reviews", "2024.1", "Review Co", AssetLayer.Model), (dataset.Name, dataset.Version, dataset.UpstreamProvider, dataset.Layer));
        Assert.Null(dataset.ModelCard);
        var model = Assert.Single(outcome.Metadata.AiAssets, a => a.Kind == AssetKind.Model);
        Assert.Equal(("sentiment", "2", "Jane Roe", "Classifies reviews."), (model.Name, model.Version, model.UpstreamProvider, model.Description));
        Assert.Equal(
            """
            approach: supervised
            task: text-classification
            architecture family: transformer
            model architecture: BertForSequenceClassification
            dataset: reviews
            inputs: string
            outputs: label
            performance metric: accuracy = 0.91 (slice: en)
            use case: Review triage
            technical limitation: English only
            ethical consideration: Bias against dialects (mitigation: Human review)
            """.ReplaceLineEndings("\n"),
            model.ModelCard);
    }

    [Fact]
    public async Task ReadAsync_XmlScoreNotANumber_IsIgnored()
    {
        const string Bom = """
            <bom xmlns="http://cyclonedx.org/schema/bom/1.5"><vulnerabilities><vulnerability><id>CVE-2024-1</id>
            <ratings><rating><score>high</score></rating><rating><score>42</score></rating><rating><severity>low</severity></rating></ratings>
            </vulnerability></vulnerabilities></bom>
            """;

        var finding = Assert.Single((await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(Bom), "score.xml")).Findings);

        Assert.Equal(Severity.Low, finding.ToolSeverity);
    }

    [Fact]
    public async Task ReadAsync_EmptyXmlBom_YieldsNothing()
    {
        var outcome = await ReportFile.ReadBytesAsync("""<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1"/>"""u8.ToArray(), "empty.xml");

        Assert.Equal((ReportFormat.CycloneDx, 0, 0), (outcome.Metadata.Format, outcome.Findings.Count, outcome.Metadata.Components.Count));
    }

    [Fact]
    public async Task ReadAsync_XmlLargerThanDetectionWindowInTinyReads_StreamsEveryComponent()
    {
        var xml = new StringBuilder("""<?xml version="1.0"?>""" + "\n" + """<bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components>""");
        for (var i = 0; i < 2000; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<component type="library" bom-ref="c{i}"><name>lib{i}</name><version>1.{i}</version><purl>pkg:npm/lib{i}@1.{i}</purl></component>""").Append('\n');
        }

        xml.Append("""</components><vulnerabilities><vulnerability><id>CVE-2024-9</id><affects><target><ref>c1999</ref></target></affects></vulnerability></vulnerabilities></bom>""");
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        await using var stream = new ForwardOnlyStream(new MemoryStream(bytes), maxChunk: 7);

        var outcome = await ReportFile.ReadAsync(stream, "big.xml");

        Assert.True(bytes.Length > 2 * 64 * 1024, "the BOM must be larger than the detection window");
        Assert.Equal(2000, outcome.Metadata.Components.Count);
        Assert.Equal(("lib1999", "1.1999"), (Assert.Single(outcome.Findings).ComponentName, outcome.Findings[0].ComponentVersion));
    }

    [Fact]
    public async Task ReadAsync_TruncatedXml_ThrowsWithFileAndLine()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File(GrypeXml), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "half.xml"));

        Assert.Contains("half.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line > 100, $"the file is cut after line 100, the error says line {error.Line}");
    }

    [Theory]
    [InlineData(ReportFormat.Auto)]
    [InlineData(ReportFormat.CycloneDx)]
    public async Task ReadAsync_XmlBomWithExternalEntity_IsRefused(ReportFormat format)
    {
        const string Xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <bom xmlns="http://cyclonedx.org/schema/bom/1.4"><components><component type="library"><name>&xxe;</name></component></components></bom>
            """;

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(Xxe), "xxe.xml", format));

        Assert.Contains("declares a DTD, which is refused", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd"/>""")]
    [InlineData("""<bom xmlns="http://example.com/not-cyclonedx"/>""")]
    public async Task ReadAsync_OtherXmlForcedAsCycloneDx_SaysNotCycloneDx(string root)
    {
        var content = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n" + root);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(content, "other.xml", ReportFormat.CycloneDx));

        Assert.Contains("not a valid CycloneDX XML report", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task ReadAsync_ContentAfterXmlBom_Throws()
    {
        var content = """<bom xmlns="http://cyclonedx.org/schema/bom/1.4"></bom>""" + "\n<bom/>";

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "two.xml", ReportFormat.CycloneDx));

        Assert.Equal(2, error.Line);
    }

    private static string Facts(ReportedFinding f) =>
        string.Join(" | ",
            f.Tool, f.Title, string.Join(",", f.VulnerabilityIds), string.Join(",", f.Cwes), f.ToolSeverity, string.Join(",", f.CvssVectors),
            f.ComponentPurl, f.ComponentName, f.ComponentVersion, f.FixedVersion, f.LocationPath, f.Description, f.Message,
            f.Suppressed, f.AnalysisStatus);
}
