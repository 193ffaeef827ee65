using System.Text;
using Rampart.Core.Osv;
using Rampart.Ingest.Formats.Osv;
using Rampart.Services.Imports;
using Rampart.Services.Osv;
using Rampart.Services.Tests.Support;

namespace Rampart.Services.Tests.Osv;

/// <summary>
/// OSV records and SBOMs written for these tests, in the OSV schema 1.6 and CycloneDX 1.5 formats. The log4j record
/// restates the public advisory GHSA-jfh8-c2jp-5v3q's facts (aliases, ranges, CVSS vector); the others are made up
/// and say so in their ids (TEST-…) or use the corpus records' packages.
/// </summary>
internal static class OsvTestData
{
    /// <summary>GHSA-jfh8-c2jp-5v3q (Log4Shell) for Maven log4j-core: introduced 2.13.0 fixed 2.15.0, and introduced 2.0-beta9 fixed 2.12.2.</summary>
    public static string Log4Shell(string modified = "2024-01-01T00:00:00Z", string? withdrawn = null) => $$"""
        {"schema_version":"1.6.0","id":"GHSA-jfh8-c2jp-5v3q","modified":"{{modified}}",{{(withdrawn is null ? "" : $"\"withdrawn\":\"{withdrawn}\",")}}
         "aliases":["CVE-2021-44228"],"summary":"Remote code injection in Log4j",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"Maven","name":"org.apache.logging.log4j:log4j-core"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.13.0"},{"fixed":"2.15.0"}]},
                     {"type":"ECOSYSTEM","events":[{"introduced":"2.0-beta9"},{"fixed":"2.12.2"}]}]}]}
        """;

    /// <summary>GHSA-35jh-r3h4-6jhm (lodash command injection, CVE-2021-23337): npm lodash introduced 0, fixed 4.17.21.</summary>
    public const string Lodash = """
        {"id":"GHSA-35jh-r3h4-6jhm","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2021-23337"],"summary":"Command Injection in lodash",
         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"}],
         "affected":[{"package":{"ecosystem":"npm","name":"lodash"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
        """;

    /// <summary>GHSA-xvch-5gv4-984h (minimist prototype pollution, CVE-2021-44906): [0, 0.2.4) and [1.0.0, 1.2.6).</summary>
    public const string Minimist = """
        {"id":"GHSA-xvch-5gv4-984h","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2021-44906"],"summary":"Prototype Pollution in minimist",
         "affected":[{"package":{"ecosystem":"npm","name":"minimist"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"0.2.4"}]},
           {"type":"ECOSYSTEM","events":[{"introduced":"1.0.0"},{"fixed":"1.2.6"}]}]}]}
        """;

    /// <summary>GHSA-j8r2-6x86-q33q, the GitHub record of the corpus PYSEC-2023-74's vulnerability (CVE-2023-32681).</summary>
    public const string RequestsGhsa = """
        {"id":"GHSA-j8r2-6x86-q33q","modified":"2024-01-01T00:00:00Z","aliases":["CVE-2023-32681"],"summary":"Unintended leak of Proxy-Authorization header in requests",
         "affected":[{"package":{"ecosystem":"PyPI","name":"requests"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"2.3.0"},{"fixed":"2.31.0"}]}]}]}
        """;

    /// <summary>A CycloneDX 1.5 SBOM listing the given purls (name and version taken from each purl).</summary>
    public static byte[] Sbom(params string[] purls)
    {
        var components = purls.Select(purl =>
        {
            var at = purl.LastIndexOf('@');
            var name = purl[(purl.LastIndexOf('/', at) + 1)..at];
            return $$"""{"type":"library","name":"{{name}}","version":"{{purl[(at + 1)..]}}","purl":"{{purl}}"}""";
        });
        return Encoding.UTF8.GetBytes($$"""{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[{{string.Join(',', components)}}]}""");
    }

    public static async Task<OsvLoadResult> LoadJsonAsync(this ServiceHarness harness, params string[] records)
    {
        var parsed = new List<OsvRecord>();
        foreach (var (json, i) in records.Select((r, i) => (r, i)))
        {
            await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            parsed.AddRange(await OsvRecordSource.ParseAsync(stream, $"record-{i}.json", TestContext.Current.CancellationToken));
        }

        return await harness.RunAsync<OsvRecordLoader, OsvLoadResult>(loader => loader.LoadAsync(parsed.ToAsyncEnumerable(), "test", TestContext.Current.CancellationToken));
    }

    public static Task<OsvLoadResult> LoadPathAsync(this ServiceHarness harness, string path) =>
        harness.RunAsync<OsvRecordLoader, OsvLoadResult>(loader => loader.LoadAsync(path, TestContext.Current.CancellationToken));

    public static async Task<OsvMatchResult> MatchOneAsync(this ServiceHarness harness, string asset) =>
        Assert.Single(await harness.RunAsync<InventoryMatcher, IReadOnlyList<OsvMatchResult>>(
            matcher => matcher.MatchAsync(asset, "tester", TestContext.Current.CancellationToken)));

    public static void AssertCounts(ImportResult result, int @new, int unchanged, int reopened, int closed) =>
        Assert.True(
            (result.New, result.Unchanged, result.Reopened, result.Closed) == (@new, unchanged, reopened, closed),
            $"expected new/unchanged/reopened/closed {@new}/{unchanged}/{reopened}/{closed}, got {result.New}/{result.Unchanged}/{result.Reopened}/{result.Closed}");
}
