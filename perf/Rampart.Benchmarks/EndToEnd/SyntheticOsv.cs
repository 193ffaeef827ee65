using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Rampart.Benchmarks.EndToEnd;

/// <summary>
/// A synthetic OSV world: a zip of records shaped like osv.dev's all.zip and CycloneDX SBOMs drawing on the same
/// packages. Packages cycle through npm, PyPI, Maven and Go; record r affects package (r × 7919) mod P with two
/// ranges (SEMVER for npm and Go, ECOSYSTEM otherwise) and an explicit version list; component c of the inventories is
/// package (c × 13) mod P at version 1.(p mod 8).0, so about a third of the components fall in some record's range.
/// </summary>
internal static class SyntheticOsv
{
    private static readonly string[] Ecosystems = ["npm", "PyPI", "Maven", "Go"];

    public static int PackagesFor(int records) => Math.Max(100, records * 2 / 5);

    public static void WriteZip(string path, int records, int packages)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var r = 0; r < records; r++)
        {
            var p = (int)((long)r * 7919 % packages);
            var (ecosystem, name, _) = Package(p);
            var type = ecosystem is "npm" or "Go" ? "SEMVER" : "ECOSYSTEM";
            var low = r % 5;
            var json = string.Create(CultureInfo.InvariantCulture, $$"""
                {"schema_version":"1.6.0","id":"SYN-{{r}}","modified":"2025-01-{{1 + r % 28:D2}}T00:00:00Z","published":"2024-06-01T00:00:00Z",
                 "aliases":["CVE-2099-{{r}}"],"summary":"Synthetic weakness {{r}} in {{name}}",
                 "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:{{(r % 2 == 0 ? "H" : "L")}}/I:L/A:N"}],
                 "affected":[{"package":{"ecosystem":"{{ecosystem}}","name":"{{name}}"},
                   "ranges":[{"type":"{{type}}","events":[{"introduced":"0"},{"fixed":"0.9.0"}]},
                             {"type":"{{type}}","events":[{"introduced":"1.{{low}}.0"},{"fixed":"1.{{low + 3}}.0"}]}],
                   "versions":["1.{{low}}.0","1.{{low + 1}}.0","1.{{low + 2}}.0"]}]}
                """);
            using var stream = zip.CreateEntry($"SYN-{r}.json", CompressionLevel.Fastest).Open();
            stream.Write(Encoding.UTF8.GetBytes(json));
        }
    }

    /// <summary>A CycloneDX 1.5 SBOM of <paramref name="count"/> components starting at component <paramref name="first"/>.</summary>
    public static byte[] Sbom(int first, int count, int packages)
    {
        var builder = new StringBuilder("""{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[""");
        for (var c = first; c < first + count; c++)
        {
            var p = (int)((long)c * 13 % packages);
            var (_, name, purl) = Package(p);
            var version = string.Create(CultureInfo.InvariantCulture, $"1.{p % 8}.0");
            builder.Append(c == first ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $$"""{"type":"library","name":"{{name}}","version":"{{version}}","purl":"{{purl}}@{{version}}"}""");
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    private static (string Ecosystem, string Name, string Purl) Package(int p) => Ecosystems[p % 4] switch
    {
        "npm" => ("npm", $"syn-pkg{p}", $"pkg:npm/syn-pkg{p}"),
        "PyPI" => ("PyPI", $"Syn_Pkg{p}", $"pkg:pypi/syn-pkg{p}"),
        "Maven" => ("Maven", $"org.example:syn-pkg{p}", $"pkg:maven/org.example/syn-pkg{p}"),
        _ => ("Go", $"github.com/example/syn-pkg{p}", $"pkg:golang/github.com/example/syn-pkg{p}"),
    };
}
