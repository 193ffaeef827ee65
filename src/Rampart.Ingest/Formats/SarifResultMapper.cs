using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats;

/// <summary>Turns one SARIF 2.1.0 <c>result</c> (§3.27) into a <see cref="ReportedFinding"/>.</summary>
internal static partial class SarifResultMapper
{
    /// <returns>
    /// Null for results that report no problem (<c>kind</c> "pass" or "notApplicable", §3.27.9) and for results
    /// whose <c>baselineState</c> is "absent" (§3.27.24): the tool says they were in the baseline and are gone now.
    /// </returns>
    public static ReportedFinding? Map(JsonElement result, SarifRun run)
    {
        var kind = result.Text("kind");
        if (kind is "pass" or "notApplicable" || result.Text("baselineState") == "absent")
        {
            return null;
        }

        var rule = run.FindRule(result);
        var ruleId = ScannerText.Short(result.Text("ruleId") ?? result.Get("rule")?.Text("id") ?? rule?.Text("id"));
        var message = MessageText(result, rule);
        var location = result.Items("locations").FirstOrDefault();
        var physical = location.Get("physicalLocation");
        var dependency = SarifDependency.Find(result, rule);

        return new ReportedFinding
        {
            Kind = dependency is null ? FindingKind.Code : FindingKind.Vulnerability,
            Tool = run.ToolName,
            Title = ScannerText.Title(rule?.Text("shortDescription", "text"))
                ?? ScannerText.Title(message)
                ?? ScannerText.Title(rule?.Text("name"))
                ?? ruleId
                ?? "SARIF result",
            Description = ScannerText.Long(rule?.Text("fullDescription", "text") ?? rule?.Text("help", "text")),
            RuleId = ruleId,
            VulnerabilityIds = dependency?.VulnerabilityIds ?? [],
            Cwes = Identifiers.Distinct(CweCandidates(result, rule).Select(Identifiers.Cwe)),
            ComponentPurl = dependency?.Purl,
            ComponentName = dependency?.Name,
            ComponentVersion = dependency?.Version,
            FixedVersion = dependency?.FixedVersion,
            LocationPath = ArtifactPath(physical?.Get("artifactLocation")?.Text("uri"))
                ?? ScannerText.Short(location.Items("logicalLocations").FirstOrDefault().Text("fullyQualifiedName")),
            // Lenient reading: a start line below 1 or beyond a 32-bit integer is no real line and is ignored.
            StartLine = physical?.Get("region")?.Int32("startLine") is > 0 and var line ? line : null,
            Snippet = Snippet(physical),
            ToolSeverity = Severity(result, rule, kind),
            ToolFingerprint = Fingerprint(result),
            Suppressed = result.Items("suppressions").Any(s => s.Text("status") is null or "accepted"),
            Message = ScannerText.Long(message),
        };
    }

    /// <summary>
    /// GitHub's <c>security-severity</c> rule property (a CVSS-like score; some tools write a word) and a
    /// tool's own rating win over the level; the level defaults per §3.27.10: "none" for non-"fail" kinds, else the rule's default, else "warning".
    /// </summary>
    private static Severity Severity(JsonElement result, JsonElement? rule, string? kind)
    {
        var scored = SecuritySeverity(rule?.Get("properties")?.Text("security-severity"))
            ?? SecuritySeverity(result.Get("properties")?.Text("security-severity"))
            ?? SeverityScale.Parse(result.Get("properties")?.Text("issue_severity")); // Bandit's own rating
        if (scored is { } severity)
        {
            return severity;
        }

        var level = result.Text("level")
            ?? (kind is not null and not "fail" ? "none" : null)
            ?? rule?.Get("defaultConfiguration")?.Text("level")
            ?? "warning";
        return SeverityScale.FromSarifLevel(level);
    }

    /// <summary>
    /// A <c>security-severity</c> score banded like CVSS v3 (GitHub's convention), or a severity word. Lenient
    /// reading: a score outside 0–10 (or not a finite number) is no CVSS-like score and is ignored, so the level decides.
    /// </summary>
    private static Severity? SecuritySeverity(string? text)
    {
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score))
        {
            return score is >= 0 and <= 10 ? SeverityScale.FromScore(score) : null;
        }

        return SeverityScale.Parse(text);
    }

    /// <summary>
    /// The code at the result's first location (§3.30.13 <c>region.snippet</c>, else the wider <c>contextRegion</c>),
    /// normalized for matching: whitespace runs collapse to one space, trimmed, clipped to 500 characters.
    /// </summary>
    private static string? Snippet(JsonElement? physical) =>
        ScannerText.Short(physical?.Get("region")?.Get("snippet")?.Text("text")
            ?? physical?.Get("contextRegion")?.Get("snippet")?.Text("text"));

    /// <summary>§3.11: message text, else the rule's <c>messageStrings</c> entry with its {n} placeholders filled.</summary>
    private static string? MessageText(JsonElement result, JsonElement? rule)
    {
        var message = result.Get("message");
        if ((message?.Text("text") ?? message?.Text("markdown")) is { } text)
        {
            return text;
        }

        if (message?.Text("id") is not { } id || rule?.Get("messageStrings")?.Get(id)?.Text("text") is not { } template)
        {
            return null;
        }

        var arguments = message.Value.Items("arguments").Select(a => a.AsText() ?? "").ToArray();
        return Placeholder().Replace(template, m => int.TryParse(m.Groups[1].Value, out var n) && n < arguments.Length ? arguments[n] : m.Value);
    }

    private static IEnumerable<string?> CweCandidates(JsonElement result, JsonElement? rule)
    {
        foreach (var owner in new[] { rule, result })
        {
            var properties = owner?.Get("properties");
            foreach (var tag in properties?.Items("tags") ?? [])
            {
                // "external/cwe/cwe-079" (CodeQL), "CWE-79" or "CWE-79: Improper…" (Semgrep, Snyk); a bare number is no CWE.
                if (tag.AsText() is { } text
                    && (text.StartsWith("cwe", StringComparison.OrdinalIgnoreCase) || text.StartsWith("external/cwe/", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return text;
                }
            }

            // Some producers add "cwe": "CWE-79" or "cwe": ["CWE-79: …"].
            if (properties?.Get("cwe") is { } cwe)
            {
                foreach (var item in cwe.ValueKind == JsonValueKind.Array ? cwe.EnumerateArray().ToArray() : [cwe])
                {
                    yield return item.AsText();
                }
            }
        }

        // §3.52 relationships and §3.27.8 taxa that point into a taxonomy named CWE.
        var references = (rule?.Items("relationships").Select(r => r.Get("target")) ?? []).Concat(result.Items("taxa").Select(t => (JsonElement?)t));
        foreach (var reference in references)
        {
            if (string.Equals(reference?.Get("toolComponent")?.Text("name"), "CWE", StringComparison.OrdinalIgnoreCase))
            {
                yield return reference?.Text("id");
            }
        }
    }

    /// <summary>
    /// §3.27.17/§3.27.16: the partial fingerprints, else the full fingerprints, as "key=value" pairs joined by ';'
    /// in ordinal key order, so the identity does not depend on how the tool ordered its keys. All partial
    /// fingerprints count, as in GitHub code scanning: CodeQL gives two results on one line the same
    /// primaryLocationLineHash and tells them apart by primaryLocationStartColumnFingerprint.
    /// </summary>
    private static string? Fingerprint(JsonElement result)
    {
        foreach (var name in new[] { "partialFingerprints", "fingerprints" })
        {
            if (result.Get(name) is not { ValueKind: JsonValueKind.Object } fingerprints)
            {
                continue;
            }

            var pairs = fingerprints.EnumerateObject()
                .Where(p => !string.IsNullOrWhiteSpace(p.Value.AsText()))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={p.Value.AsText()}")
                .ToList();
            if (pairs.Count > 0)
            {
                return ScannerText.Short(string.Join(';', pairs));
            }
        }

        return null;
    }

    /// <summary>
    /// The artifact URI as a path: relative URIs stay relative to their <c>uriBaseId</c> (the stable identity across
    /// machines), <c>file://</c> is stripped and percent-escapes are decoded.
    /// </summary>
    private static string? ArtifactPath(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        var path = uri.Trim();
        if (path.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = path["file://".Length..];
            if (path.Length > 2 && path[0] == '/' && path[2] == ':')
            {
                path = path[1..]; // file:///C:/src → C:/src
            }
        }

        return ScannerText.Short(Uri.UnescapeDataString(path));
    }

    [GeneratedRegex(@"\{(\d{1,3})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
