using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.DependencyCheck;

/// <summary>What a Dependency-Check dependency says about the component its vulnerabilities are in.</summary>
internal sealed record DependencyCheckComponent(string? FileName, string? FilePath, string? Purl);

/// <summary>Maps one entry of a dependency's vulnerabilities (JSON or XML) to a finding.</summary>
internal static partial class DependencyCheckMapper
{
    public const string Tool = "OWASP Dependency-Check";

    private static readonly string[] Confidences = ["HIGHEST", "HIGH", "MEDIUM", "LOW"];

    /// <summary>
    /// The package the tool is surest of: the highest confidence wins; among equals, the one the file is named after
    /// ("jquery-ui.js" is jquery-ui rather than jquery-ui-dialog), then the first.
    /// </summary>
    public static string? BestPurl(string? fileName, IEnumerable<(string? Id, string? Confidence)> packages)
    {
        var file = FileBaseName(fileName);
        string? best = null;
        (int Confidence, int Name) bestRank = (int.MaxValue, int.MaxValue);
        foreach (var (id, confidence) in packages)
        {
            if (PackageUrl.TryParse(id) is not { } purl)
            {
                continue;
            }

            var rank = Array.FindIndex(Confidences, c => string.Equals(c, confidence?.Trim(), StringComparison.OrdinalIgnoreCase));
            var nameRank = string.Equals(file, $"{purl.Name}-{purl.Version}", StringComparison.OrdinalIgnoreCase) ? 0
                : string.Equals(file, purl.Name, StringComparison.OrdinalIgnoreCase) ? 1
                : 2;
            var candidate = (rank < 0 ? Confidences.Length : rank, nameRank);
            if (candidate.CompareTo(bestRank) < 0)
            {
                (best, bestRank) = (id, candidate);
            }
        }

        return ScannerText.Short(best);
    }

    public static ReportedFinding Map(DependencyCheckComponent component, DependencyCheckNode vulnerability, bool suppressed)
    {
        var (name, version, purl) = ComponentOf(component);
        var id = Identifiers.VulnerabilityId(vulnerability.Text("name"));
        var cvssV2 = vulnerability.Child("cvssV2");
        var cvssV3 = vulnerability.Child("cvssV3");
        var cvssV4 = vulnerability.Child("cvssV4");
        return new ReportedFinding
        {
            Kind = FindingKind.Vulnerability,
            Tool = Tool,
            Title = ScannerText.Title(name is null ? id : $"{id ?? "Vulnerability"} in {name}") ?? "Dependency-Check vulnerability",
            Description = ScannerText.Long(vulnerability.Text("description")),
            VulnerabilityIds = Identifiers.Distinct([id]),
            Cwes = Identifiers.Distinct(vulnerability.Texts("cwes").Append(vulnerability.Text("cwe")).Select(Identifiers.Cwe)),
            ComponentPurl = purl,
            ComponentName = name,
            ComponentVersion = version,
            LocationPath = ScannerText.Short(component.FilePath),
            ToolSeverity = SeverityOf(vulnerability, cvssV2, cvssV3, cvssV4),
            CvssVectors = Identifiers.Distinct([V3Vector(cvssV3), V4Vector(cvssV4), V2Vector(cvssV2) ?? FlatV2Vector(vulnerability)]),
            Suppressed = suppressed,
            Evidence = KnownExploited(vulnerability.Child("knownExploitedVulnerability")) is { } kev ? [kev] : [],
        };
    }

    /// <summary>
    /// The purl names the package when the report gives one. Otherwise the file name does: the part after the
    /// last ": " (a file inside an archive), split into name and version when it reads "name-1.2.3.ext" or
    /// "name:1.2.3" so that it can correlate with other tools' findings for the same package.
    /// </summary>
    private static (string? Name, string? Version, string? Purl) ComponentOf(DependencyCheckComponent component)
    {
        if (PackageUrl.TryParse(component.Purl) is { } purl)
        {
            return (ScannerText.Short(purl.Name), ScannerText.Short(purl.Version), purl.Purl);
        }

        if (InnerFileName(component.FileName) is not { } file)
        {
            return (null, null, null);
        }

        var match = NameAndVersion().Match(file);
        return match.Success
            ? (ScannerText.Short(match.Groups["name"].Value), ScannerText.Short(match.Groups["version"].Value), null)
            : (ScannerText.Short(file), null, null);
    }

    /// <summary>"outer.jar: inner-1.0.jar" names a file inside an archive: the inner file is the component.</summary>
    private static string? InnerFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var inner = fileName.LastIndexOf(": ", StringComparison.Ordinal);
        return fileName[(inner < 0 ? 0 : inner + 2)..].Trim();
    }

    /// <summary>The file name without its extension and a ".min" (minified JavaScript), for matching package names.</summary>
    private static string? FileBaseName(string? fileName)
    {
        var file = InnerFileName(fileName);
        var dot = file?.LastIndexOf('.') ?? -1;
        var stem = dot > 0 ? file![..dot] : file;
        return stem?.EndsWith(".min", StringComparison.OrdinalIgnoreCase) == true ? stem[..^4] : stem;
    }

    /// <summary>The tool's own rating first ("MODERATE" is Medium), then the CVSS blocks' severities, then their scores.</summary>
    private static Severity SeverityOf(
        DependencyCheckNode vulnerability, DependencyCheckNode cvssV2, DependencyCheckNode cvssV3, DependencyCheckNode cvssV4)
    {
        var word = SeverityScale.Parse(vulnerability.Text("severity"))
            ?? SeverityScale.Parse(cvssV3.Text("baseSeverity"))
            ?? SeverityScale.Parse(cvssV4.Text("baseSeverity"))
            ?? SeverityScale.Parse(cvssV2.Text("severity"));
        if (word is { } severity)
        {
            return severity;
        }

        var score = cvssV3.Score("baseScore") ?? cvssV4.Score("baseScore") ?? cvssV2.Score("score") ?? vulnerability.Score("cvssScore");
        return score is { } value ? SeverityScale.FromScore(value) : Severity.Info;
    }

    /// <summary>The v3 vector as given, or rebuilt from its metrics when the block says which 3.x version it is.</summary>
    private static string? V3Vector(DependencyCheckNode cvss)
    {
        if (!cvss.Exists)
        {
            return null;
        }

        var version = cvss.Text("version")?.Trim();
        var method = version switch
        {
            "3.0" => "CVSSV3",
            "3.1" => "CVSSV31",
            _ => null,
        };
        if (cvss.Text("vectorString") is { } given)
        {
            return given.StartsWith("CVSS:", StringComparison.OrdinalIgnoreCase) || method is not null ? CvssVectors.Normalize(method, given) : null;
        }

        if (method is null)
        {
            return null; // the metrics alone do not say 3.0 or 3.1, and the version decides the score
        }

        return Build($"CVSS:{version}/", [
            ("AV", cvss.Text("attackVector"), [("NETWORK", "N"), ("ADJACENT_NETWORK", "A"), ("ADJACENT", "A"), ("LOCAL", "L"), ("PHYSICAL", "P")]),
            ("AC", cvss.Text("attackComplexity"), [("LOW", "L"), ("HIGH", "H")]),
            ("PR", cvss.Text("privilegesRequired"), [("NONE", "N"), ("LOW", "L"), ("HIGH", "H")]),
            ("UI", cvss.Text("userInteraction"), [("NONE", "N"), ("REQUIRED", "R")]),
            ("S", cvss.Text("scope"), [("UNCHANGED", "U"), ("CHANGED", "C")]),
            ("C", cvss.Text("confidentialityImpact"), [("NONE", "N"), ("LOW", "L"), ("HIGH", "H")]),
            ("I", cvss.Text("integrityImpact"), [("NONE", "N"), ("LOW", "L"), ("HIGH", "H")]),
            ("A", cvss.Text("availabilityImpact"), [("NONE", "N"), ("LOW", "L"), ("HIGH", "H")]),
        ]);
    }

    /// <summary>CVSS v4 vectors are taken only as given: the reports that have v4 also write its vectorString.</summary>
    private static string? V4Vector(DependencyCheckNode cvss) => CvssVectors.Normalize("CVSSV4", cvss.Text("vectorString"));

    /// <summary>The v2 vector (which has no version prefix) as given, or rebuilt from the cvssV2 block's metrics.</summary>
    private static string? V2Vector(DependencyCheckNode cvss)
    {
        if (!cvss.Exists || cvss.Text("version") is { } version && !version.Trim().StartsWith('2'))
        {
            return null;
        }

        return cvss.Text("vectorString") is { } given
            ? CvssVectors.Normalize("CVSSV2", given.Trim('(', ')', ' '))
            : V2FromMetrics(
                cvss.Text("accessVector"), cvss.Text("accessComplexity"), cvss.Text("authenticationr") ?? cvss.Text("authentication"),
                cvss.Text("confidentialImpact") ?? cvss.Text("confidentialityImpact"), cvss.Text("integrityImpact"), cvss.Text("availabilityImpact"));
    }

    /// <summary>
    /// Schema 1.3 put the CVSS metrics directly on the vulnerability (<c>cvssAccessVector</c>…). They are v2 metrics
    /// whatever the file says (Authentication exists only in v2), so the vector is rebuilt when all six are there.
    /// </summary>
    private static string? FlatV2Vector(DependencyCheckNode vulnerability) =>
        V2FromMetrics(
            vulnerability.Text("cvssAccessVector"), vulnerability.Text("cvssAccessComplexity"),
            vulnerability.Text("cvssAuthenticationr") ?? vulnerability.Text("cvssAuthentication"),
            vulnerability.Text("cvssConfidentialImpact"), vulnerability.Text("cvssIntegrityImpact"), vulnerability.Text("cvssAvailabilityImpact"));

    private static string? V2FromMetrics(string? av, string? ac, string? au, string? c, string? i, string? a)
    {
        (string, string)[] impact = [("NONE", "N"), ("PARTIAL", "P"), ("COMPLETE", "C")];
        return Build("", [
            ("AV", av, [("NETWORK", "N"), ("ADJACENT_NETWORK", "A"), ("LOCAL", "L")]),
            ("AC", ac, [("LOW", "L"), ("MEDIUM", "M"), ("HIGH", "H")]),
            ("Au", au, [("NONE", "N"), ("SINGLE", "S"), ("SINGLE_INSTANCE", "S"), ("MULTIPLE", "M"), ("MULTIPLE_INSTANCES", "M")]),
            ("C", c, impact),
            ("I", i, impact),
            ("A", a, impact),
        ]);
    }

    /// <summary>"prefix" + "AV:N/AC:L/…"; null when any metric is missing or not a known value (no partial vectors).</summary>
    private static string? Build(string prefix, (string Metric, string? Value, (string Word, string Code)[] Codes)[] metrics)
    {
        var vector = new StringBuilder(prefix);
        foreach (var (metric, value, codes) in metrics)
        {
            var code = codes.FirstOrDefault(c => string.Equals(c.Word, value?.Trim(), StringComparison.OrdinalIgnoreCase)).Code;
            if (code is null)
            {
                return null;
            }

            vector.Append(CultureInfo.InvariantCulture, $"{(vector.Length > prefix.Length ? "/" : "")}{metric}:{code}");
        }

        return vector.ToString();
    }

    /// <summary>The CISA KEV entry Dependency-Check attaches to actively exploited vulnerabilities.</summary>
    private static Evidence? KnownExploited(DependencyCheckNode kev)
    {
        if (!kev.Exists)
        {
            return null;
        }

        var parts = new List<string>();
        if (kev.Text("name") is { } name)
        {
            parts.Add(name.TrimEnd('.') + ".");
        }

        if (kev.Text("dateAdded") is { } added)
        {
            parts.Add($"Added to the catalog {added}" + (kev.Text("dueDate") is { } due ? $", remediation due {due}." : "."));
        }

        if (kev.Text("requiredAction") is { } action)
        {
            parts.Add($"Required action: {action}");
        }

        if (kev.Text("knownRansomwareCampaignUse") is { } ransomware)
        {
            parts.Add($"Known ransomware campaign use: {ransomware}.");
        }

        return new Evidence("CISA Known Exploited Vulnerability", ScannerText.Long(string.Join(' ', parts)) ?? "listed in the CISA KEV catalog");
    }

    [GeneratedRegex(
        @"^(?:(?<name>[^:\s]+):(?<version>\d[^:\s]*)|(?<name>.+?)-(?<version>\d[\w.+~-]*?)(?:\.(?:jar|war|ear|aar|js|dll|exe|so|zip|nupkg|whl|egg|gem|tgz|tar\.gz))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NameAndVersion();
}
