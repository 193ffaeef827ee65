using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Testing;

namespace Rampart.Ingest.Tests.Zap;

public sealed class ZapReportTests
{
    /// <summary>
    /// Expected counts computed without the parser. JSON: <c>jq '[.site[].alerts | length] | add' FILE</c>.
    /// XML: <c>python3 -c "import sys,xml.etree.ElementTree as E; print(len(E.parse(sys.argv[1]).getroot().findall('site/alerts/alertitem')))" FILE</c>.
    /// </summary>
    [Theory]
    [InlineData("zap/zap-2.10.0_scan.xml", 15)]
    [InlineData("zap/zap-2.11.1_xml-plus.xml", 1)]
    [InlineData("zap/zap-2.14.0_baseline.json", 12)]
    [InlineData("zap/zap-2.16.1_with_req_resp.xml", 4)]
    [InlineData("zap/zap-2.9.0_empty.xml", 0)]
    public async Task ReadAsync_CorpusFile_YieldsEveryAlert(string file, int expected)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(ReportFormat.Zap, outcome.Metadata.Format);
        Assert.Equal(expected, outcome.Findings.Count);
        Assert.Equal("OWASP ZAP", outcome.Metadata.Tool);
        Assert.All(outcome.Findings, f => Assert.Equal((FindingKind.Dast, "OWASP ZAP", false), (f.Kind, f.Tool, f.Suppressed)));
    }

    [Theory]
    [InlineData("zap/zap-2.10.0_scan.xml")]
    [InlineData("zap/zap-2.11.1_xml-plus.xml")]
    [InlineData("zap/zap-2.14.0_baseline.json")]
    [InlineData("zap/zap-2.16.1_with_req_resp.xml")]
    [InlineData("zap/zap-2.9.0_empty.xml")]
    public void Detect_CorpusFile_IsZap(string file) => Assert.Equal(ReportFormat.Zap, ReportFile.DetectCorpus(file));

    /// <summary>Each file's @version and @generated, and its single site as the scope.</summary>
    [Theory]
    [InlineData("zap/zap-2.10.0_scan.xml", "2.10.0", "2021-06-20T09:30:00Z", "http://bodgeit.securecodebox-demo.svc:8080")]
    [InlineData("zap/zap-2.11.1_xml-plus.xml", "2.11.1", "2022-09-30T08:40:35Z", "http://localhost:8080")]
    [InlineData("zap/zap-2.14.0_baseline.json", "2.14.0", "2024-04-07T01:18:39Z", "http://www.itsecgames.com")]
    [InlineData("zap/zap-2.16.1_with_req_resp.xml", "2.16.1", "2025-06-22T04:04:14Z", "https://example-domain.com")]
    [InlineData("zap/zap-2.9.0_empty.xml", "2.9.0", "2020-05-12T20:59:12Z", "https://isaac.nl")]
    public async Task ReadAsync_CorpusFile_FillsMetadata(string file, string version, string generated, string site)
    {
        var outcome = await ReportFile.ReadCorpusAsync(file);

        Assert.Equal(version, outcome.Metadata.ToolVersion);
        Assert.Equal(DateTimeOffset.Parse(generated, System.Globalization.CultureInfo.InvariantCulture), outcome.Metadata.ScanDate);
        Assert.Equal(site, outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_Json2140FirstAlert_MapsFieldsAndInstances()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.14.0_baseline.json");

        // jq '.site[0].alerts[0]': pluginid "10038", alertRef "10038-1", riskcode "2", cweid "693", wascid "15",
        // count "5", five instances, the first GET http://www.itsecgames.com with empty param/attack/evidence.
        var finding = outcome.Findings[0];
        Assert.Equal(("10038-1", "Content Security Policy (CSP) Header Not Set"), (finding.RuleId, finding.Title));
        Assert.Equal((Severity.Medium, "http://www.itsecgames.com", 5), (finding.ToolSeverity, finding.LocationPath, finding.Occurrences));
        Assert.Equal(["CWE-693"], finding.Cwes);
        Assert.Equal(["WASC:15"], finding.Tags);
        Assert.Equal(5, finding.Evidence.Count);
        Assert.Equal(new Evidence("GET http://www.itsecgames.com", ""), finding.Evidence[0]);
        Assert.StartsWith("Content Security Policy (CSP) is an added layer of security", finding.Description, StringComparison.Ordinal);
        Assert.Contains("\n\nSolution: Ensure that your web server", finding.Description, StringComparison.Ordinal);
        Assert.Contains("References:\nhttps://developer.mozilla.org/en-US/docs/Web/Security/CSP/Introducing_Content_Security_Policy\nhttps://cheatsheetseries.owasp.org/", finding.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Json2140_SeveritiesAndRulesMatchTheReport()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.14.0_baseline.json");

        // jq '[.site[].alerts[].riskcode] | group_by(.) | map({(.[0]): length}) | add' gives {"0":7,"1":2,"2":3}.
        Assert.Equal(new Dictionary<Severity, int> { [Severity.Info] = 7, [Severity.Low] = 2, [Severity.Medium] = 3 }, outcome.Findings.SeverityCounts());

        // Plugin 90005 raises four alerts told apart by alertRef (90005-1…-4): four findings, not one.
        Assert.Equal(["90005-1", "90005-2", "90005-3", "90005-4"], outcome.Findings.Select(f => f.RuleId).Where(r => r!.StartsWith("90005", StringComparison.Ordinal)).Order());
        Assert.Equal(12, outcome.Findings.Select(FindingFingerprint.Compute).Distinct().Count());
    }

    [Fact]
    public async Task ReadAsync_Xml2100SqlInjection_MapsFieldsAndInstance()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.10.0_scan.xml");

        // <alertitem> with pluginid 40018: "SQL Injection", riskcode 3, cweid 89, wascid 19, one instance
        // POST …/bodgeit/basket.jsp param productid attack "23-2"; desc "&lt;p&gt;SQL injection may be possible.&lt;/p&gt;".
        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "40018");
        Assert.Equal(("SQL Injection", Severity.High, 1), (finding.Title, finding.ToolSeverity, finding.Occurrences));
        Assert.Equal(["CWE-89"], finding.Cwes);
        Assert.Equal(["WASC:19"], finding.Tags);
        Assert.Equal(new Evidence("POST http://bodgeit.securecodebox-demo.svc:8080/bodgeit/basket.jsp", "param=productid attack=23-2"), Assert.Single(finding.Evidence));
        Assert.StartsWith("SQL injection may be possible.\n\nSolution: Do not trust client side input", finding.Description, StringComparison.Ordinal);
        Assert.StartsWith("The original page results were successfully replicated using the expression [23-2]", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Xml2100_SeveritiesMatchTheReport()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.10.0_scan.xml");

        // python3: collections.Counter(a.findtext('riskcode') for a in root.iter('alertitem')) gives {'0': 4, '1': 4, '2': 3, '3': 4}.
        Assert.Equal(
            new Dictionary<Severity, int> { [Severity.Info] = 4, [Severity.Low] = 4, [Severity.Medium] = 3, [Severity.High] = 4 },
            outcome.Findings.SeverityCounts());

        // Plugin 10109 "Modern Web Application" has no cweid or wascid element.
        var modern = Assert.Single(outcome.Findings, f => f.RuleId == "10109");
        Assert.Equal((0, 0), (modern.Cwes.Count, modern.Tags.Count));
    }

    [Fact]
    public async Task ReadAsync_Xml2100ManyInstances_CountsAllKeepsEvidence()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.10.0_scan.xml");

        // pluginid 10031: 11 <instance> elements and <count>11</count>, all GET …/product.jsp?prodid=N with param prodid.
        var finding = Assert.Single(outcome.Findings, f => f.RuleId == "10031");
        Assert.Equal(11, finding.Occurrences);
        Assert.Equal(11, finding.Evidence.Count);
        Assert.Equal(new Evidence("GET http://bodgeit.securecodebox-demo.svc:8080/bodgeit/product.jsp?prodid=22", "param=prodid"), finding.Evidence[0]);
    }

    [Fact]
    public async Task ReadAsync_XmlPlus2111_KeepsNoRequestOrResponse()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.11.1_xml-plus.xml");

        // The instance carries requestheader (with a JSESSIONID cookie), requestbody, responseheader and responsebody.
        var finding = Assert.Single(outcome.Findings);
        Assert.Equal(("90028", "Insecure HTTP Method - PUT", Severity.Medium), (finding.RuleId, finding.Title, finding.ToolSeverity));
        Assert.Equal(
            new Evidence("PUT http://localhost:8080/bodgeit/js/qndto7n63d", "evidence=response code 403 for potentially insecure HTTP METHOD"),
            Assert.Single(finding.Evidence));
        var all = string.Join('\n', finding.Title, finding.Description, finding.Message, string.Join('\n', finding.Evidence));
        Assert.DoesNotContain("JSESSIONID", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Apache Tomcat", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Xml2161_ReadsTagsAndNoneIds()
    {
        var outcome = await ReportFile.ReadCorpusAsync("zap/zap-2.16.1_with_req_resp.xml");

        // 10111 has cweid -1 and wascid -1; 10029 has cweid 565, wascid 20 and tags CWE-565, OWASP_2021_A03,
        // POLICY_QA_STD, POLICY_PENTEST, OWASP_2017_A01, POLICY_DEV_STD; its count is 5.
        var authentication = Assert.Single(outcome.Findings, f => f.RuleId == "10111");
        Assert.Equal((0, 0), (authentication.Cwes.Count, authentication.Tags.Count));
        var cookie = Assert.Single(outcome.Findings, f => f.RuleId == "10029");
        Assert.Equal(["CWE-565"], cookie.Cwes);
        Assert.Equal(["WASC:20", "OWASP:A03:2021", "OWASP:A01:2017"], cookie.Tags);
        Assert.Equal((5, Severity.Info), (cookie.Occurrences, cookie.ToolSeverity));
    }

    [Fact]
    public async Task ReadAsync_SameAlertsInXml2100AndJson2140_MapAlike()
    {
        var xml = await ReportFile.ReadCorpusAsync("zap/zap-2.10.0_scan.xml");
        var json = await ReportFile.ReadCorpusAsync("zap/zap-2.14.0_baseline.json");

        // Plugins 10021, 10027 and 10049 are in both scans with the same alertRef, name, riskcode, cweid and wascid.
        foreach (var rule in new[] { "10021", "10027", "10049" })
        {
            var fromXml = Assert.Single(xml.Findings, f => f.RuleId == rule);
            var fromJson = Assert.Single(json.Findings, f => f.RuleId == rule);
            Assert.Equal((fromXml.Title, fromXml.ToolSeverity, fromXml.Kind), (fromJson.Title, fromJson.ToolSeverity, fromJson.Kind));
            Assert.Equal(fromXml.Cwes, fromJson.Cwes);
            Assert.Equal(fromXml.Tags, fromJson.Tags);
        }
    }

    [Fact]
    public async Task ReadAsync_Xml2100AsTraditionalJson_GivesTheSameFindings()
    {
        // The same scan data in both shapes: the XML report rewritten here (with XDocument, not the reader) as ZAP's
        // traditional JSON, where attributes become "@name" and every value is a string.
        var path = Corpus.File("zap/zap-2.10.0_scan.xml");
        var json = ToTraditionalJson(XDocument.Load(path));

        var fromXml = await ReportFile.ReadCorpusAsync("zap/zap-2.10.0_scan.xml");
        var fromJson = await ReportFile.ReadBytesAsync(json, "zap-2.10.0_scan.json");

        Assert.Equal(ReportFormat.Zap, fromJson.Metadata.Format);
        Assert.Equal(
            (fromXml.Metadata.ToolVersion, fromXml.Metadata.ScanDate, fromXml.Metadata.Scope),
            (fromJson.Metadata.ToolVersion, fromJson.Metadata.ScanDate, fromJson.Metadata.Scope));
        Assert.Equal(fromXml.Findings.Count, fromJson.Findings.Count);
        foreach (var (x, j) in fromXml.Findings.Zip(fromJson.Findings))
        {
            Assert.Equal(
                (x.RuleId, x.Title, x.Description, x.Message, x.ToolSeverity, x.LocationPath, x.Occurrences, x.Suppressed),
                (j.RuleId, j.Title, j.Description, j.Message, j.ToolSeverity, j.LocationPath, j.Occurrences, j.Suppressed));
            Assert.Equal(x.Cwes, j.Cwes);
            Assert.Equal(x.Tags, j.Tags);
            Assert.Equal(x.Evidence, j.Evidence);
            Assert.Equal(FindingFingerprint.Compute(x), FindingFingerprint.Compute(j));
        }
    }

    [Fact]
    public async Task ReadAsync_FalsePositiveConfidence_IsSuppressed()
    {
        var json = """
            {"@programName":"ZAP","@version":"2.15.0","@generated":"Mon, 1 Jul 2024 10:00:00","site":[{"@name":"https://a.example","alerts":[
              {"pluginid":"10020","alertRef":"10020-1","name":"Missing Anti-clickjacking Header","riskcode":"2","confidence":"0","cweid":"0","wascid":"-1","count":"1",
               "instances":[{"uri":"https://a.example/","method":"GET","param":"x-frame-options","attack":"","evidence":""}]}]}]}
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(json), "fp.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.True(finding.Suppressed);
        Assert.Equal((0, 0), (finding.Cwes.Count, finding.Tags.Count));
        Assert.Equal(new Evidence("GET https://a.example/", "param=x-frame-options"), Assert.Single(finding.Evidence));
    }

    [Fact]
    public async Task ReadAsync_ManyInstances_KeepsTwentyCountsAll()
    {
        var instances = string.Join(',', Enumerable.Range(1, 50).Select(i => $$"""{"uri":"https://a.example/p{{i}}","method":"GET","param":"q","attack":"<script>","evidence":"<script>"}"""));
        var json = $$"""{"@version":"2.14.0","site":[{"@name":"https://a.example","alerts":[{"pluginid":"40012","riskcode":"3","confidence":"2","instances":[{{instances}}]}]}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(json), "many.json");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal((50, 20), (finding.Occurrences, finding.Evidence.Count));
        Assert.Equal(new Evidence("GET https://a.example/p20", "param=q attack=<script> evidence=<script>"), finding.Evidence[19]);
    }

    [Fact]
    public async Task ReadAsync_TwoSites_LocatesEachAlertAndLeavesScopeEmpty()
    {
        var xml = """
            <?xml version="1.0"?><OWASPZAPReport version="2.13.0" generated="Thu, 5 Oct 2023 12:00:00">
            <site name="https://a.example"><alerts><alertitem><pluginid>10021</pluginid><name>A</name><riskcode>1</riskcode></alertitem></alerts></site>
            <site name="https://b.example"><alerts/></site>
            <site name="https://c.example"><alerts><alertitem><pluginid>10021</pluginid><name>A</name><riskcode>1</riskcode></alertitem></alerts></site>
            </OWASPZAPReport>
            """;

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(xml), "two.xml");

        Assert.Equal(["https://a.example", "https://c.example"], outcome.Findings.Select(f => f.LocationPath));
        Assert.Null(outcome.Metadata.Scope);
    }

    [Fact]
    public async Task ReadAsync_JsonAlertsBeforeSiteName_WaitForTheName()
    {
        var json = """{"@version":"2.14.0","site":[{"alerts":[{"pluginid":"10021","name":"A","riskcode":"1"}],"@name":"https://late.example"}]}""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(json), "late.json", ReportFormat.Zap);

        Assert.Equal("https://late.example", Assert.Single(outcome.Findings).LocationPath);
    }

    [Fact]
    public async Task ReadAsync_JsonInTinyChunksAfterBomAndBlankLines_ReadsTheSame()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("zap/zap-2.14.0_baseline.json"), TestContext.Current.CancellationToken);
        byte[] content = [0xEF, 0xBB, 0xBF, .. "\n\n   "u8, .. bytes];

        var outcome = await ReportFile.ReadAsync(new ForwardOnlyStream(new MemoryStream(content), 1), "chunks.json", ReportFormat.Zap);

        Assert.Equal(12, outcome.Findings.Count);
        Assert.Equal("10038-1", outcome.Findings[0].RuleId);
    }

    [Theory]
    [InlineData("Sun, 20 Jun 2021 09:30:00", "2021-06-20T09:30:00Z")]
    [InlineData("Fr., 30 Sep. 2022 08:40:35", "2022-09-30T08:40:35Z")]
    [InlineData("Di., 7 März 2023 18:05:01", "2023-03-07T18:05:01Z")]
    [InlineData("2024-04-07T01:18:39Z", "2024-04-07T01:18:39Z")]
    [InlineData("Sun, 31 Feb 2021 09:30:00", null)]
    [InlineData("yesterday", null)]
    public async Task ReadAsync_GeneratedDate_IsParsedLeniently(string generated, string? expected)
    {
        var xml = $"""<OWASPZAPReport version="2.12.0" generated="{generated}"></OWASPZAPReport>""";

        var outcome = await ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(xml), "date.xml", ReportFormat.Zap);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), outcome.Metadata.ScanDate);
    }

    [Theory]
    [InlineData("zap/zap-2.14.0_baseline.json")]
    [InlineData("zap/zap-2.10.0_scan.xml")]
    public async Task ReadAsync_TruncatedReport_ThrowsWithFileAndLine(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File(file), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes[..(bytes.Length / 2)], "cut-zap", ReportFormat.Zap));

        Assert.StartsWith("cut-zap:", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1, $"expected the line where the file ends, got {error.Line}");
    }

    [Theory]
    [InlineData("""{"@version":"2.14.0","site":"https://a.example"}""", "site must be an array")]
    [InlineData("""{"@version":"2.14.0","site":[{"@name":"x","alerts":{"pluginid":"1"}}]}""", "alerts must be an array")]
    [InlineData("""{"@version":"2.14.0","site":[7]}""", "must be an object")]
    [InlineData("""{"SchemaVersion":2,"Results":[]}""", "not a valid ZAP JSON report")]
    [InlineData("""<analysis xmlns="https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd"/>""", "not a valid ZAP XML report")]
    [InlineData("<OWASPZAPReport version=\"2.10.0\"><site name=\"x\"></OWASPZAPReport>", "not well-formed")]
    public async Task ReadAsync_WrongShape_ThrowsReportFormatException(string content, string reason)
    {
        var error = await Assert.ThrowsAsync<ReportFormatException>(
            () => ReportFile.ReadBytesAsync(Encoding.UTF8.GetBytes(content), "shape", ReportFormat.Zap));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("shape", error.FileName);
    }

    [Fact]
    public async Task ReadAsync_DependencyCheckReportForcedAsZap_Throws()
    {
        var bytes = await File.ReadAllBytesAsync(Corpus.File("dependency-check/dc-9.2.0.json"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ReportFormatException>(() => ReportFile.ReadBytesAsync(bytes, "dc.json", ReportFormat.Zap));

        Assert.Contains("not a valid ZAP JSON report", error.Message, StringComparison.Ordinal);
    }

    private static byte[] ToTraditionalJson(XDocument report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var root = report.Root!;
            writer.WriteStartObject();
            foreach (var attribute in root.Attributes())
            {
                writer.WriteString("@" + attribute.Name.LocalName, attribute.Value);
            }

            writer.WriteStartArray("site");
            foreach (var site in root.Elements("site"))
            {
                writer.WriteStartObject();
                foreach (var attribute in site.Attributes())
                {
                    writer.WriteString("@" + attribute.Name.LocalName, attribute.Value);
                }

                writer.WriteStartArray("alerts");
                foreach (var alert in site.Elements("alerts").Elements("alertitem"))
                {
                    writer.WriteStartObject();
                    foreach (var field in alert.Elements())
                    {
                        if (field.Name.LocalName == "instances")
                        {
                            writer.WriteStartArray("instances");
                            foreach (var instance in field.Elements("instance"))
                            {
                                writer.WriteStartObject();
                                foreach (var value in instance.Elements())
                                {
                                    writer.WriteString(value.Name.LocalName, value.Value);
                                }

                                writer.WriteEndObject();
                            }

                            writer.WriteEndArray();
                        }
                        else
                        {
                            writer.WriteString(field.Name.LocalName, field.Value);
                        }
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
