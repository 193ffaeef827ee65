using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>
/// A SARIF result that reports a vulnerable dependency rather than a code weakness (Snyk Open Source and
/// similar SCA tools): the rule is tagged with a package ecosystem and the result names "package@version".
/// </summary>
internal sealed partial record SarifDependency(
    string Name, string Version, string? Purl, string? FixedVersion, IReadOnlyList<string> VulnerabilityIds)
{
    /// <summary>Tag → purl type (purl-spec PURL-TYPES); a known tag marks the rule as a dependency check.</summary>
    private static readonly Dictionary<string, string> Ecosystems = new(StringComparer.OrdinalIgnoreCase)
    {
        ["npm"] = "npm", ["yarn"] = "npm", ["pnpm"] = "npm",
        ["maven"] = "maven", ["gradle"] = "maven", ["sbt"] = "maven",
        ["pip"] = "pypi", ["pypi"] = "pypi", ["poetry"] = "pypi", ["pipenv"] = "pypi",
        ["nuget"] = "nuget", ["rubygems"] = "gem", ["bundler"] = "gem",
        ["composer"] = "composer", ["cargo"] = "cargo", ["gomodules"] = "golang", ["golang"] = "golang",
        ["cocoapods"] = "cocoapods", ["hex"] = "hex", ["pub"] = "pub", ["swift"] = "swift",
    };

    public static SarifDependency? Find(JsonElement result, JsonElement? rule)
    {
        var ecosystem = rule?.Get("properties")?.Items("tags")
            .Select(tag => tag.AsText() is { } text && Ecosystems.TryGetValue(text, out var type) ? type : null)
            .FirstOrDefault(type => type is not null);
        if (ecosystem is null)
        {
            return null;
        }

        var description = rule?.Text("fullDescription", "text");
        var package = result.Items("locations")
            .SelectMany(location => location.Items("logicalLocations"))
            .Select(logical => PackageAtVersion().Match(logical.Text("fullyQualifiedName") ?? ""))
            .Append(PackageAtVersion().Match(description?.Split(' ').LastOrDefault() ?? ""))
            .FirstOrDefault(match => match.Success);
        if (package is null)
        {
            return null;
        }

        var name = ScannerText.Short(package.Groups["name"].Value)!;
        var version = ScannerText.Short(package.Groups["version"].Value)!;
        var ruleId = Identifiers.VulnerabilityId(result.Text("ruleId") ?? rule?.Text("id"));
        var ids = Identifiers.VulnerabilityIdsIn(description)
            .Concat(Identifiers.VulnerabilityIdsIn(rule?.Text("shortDescription", "text")))
            .Append(ruleId);
        return new SarifDependency(name, version, PurlOf(ecosystem, name, version), FixedVersionIn(rule, name), Identifiers.Distinct(ids));
    }

    /// <summary>Snyk's help says "Upgrade `cookie` to version 0.7.0 or higher."; best effort, else null.</summary>
    private static string? FixedVersionIn(JsonElement? rule, string name)
    {
        var help = rule?.Text("help", "markdown") ?? rule?.Text("help", "text");
        if (help is null)
        {
            return null;
        }

        var match = Regex.Match(help, $@"Upgrade\s+`?{Regex.Escape(name)}`?\s+to\s+version\s+v?(?<v>[0-9][0-9A-Za-z.+_~-]*[0-9A-Za-z])",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static string PurlOf(string type, string name, string version)
    {
        var path = type switch
        {
            "maven" when name.Split(':') is [var group, var artifact] => $"{group}/{artifact}",
            "pypi" => name.ToLowerInvariant().Replace('_', '-'),
            "npm" when name.StartsWith('@') => "%40" + name[1..],
            _ => name,
        };
        return $"pkg:{type}/{path}@{Uri.EscapeDataString(version)}";
    }

    [GeneratedRegex(@"^(?<name>@?[^@\s]+)@(?<version>[^@/\s]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PackageAtVersion();
}
