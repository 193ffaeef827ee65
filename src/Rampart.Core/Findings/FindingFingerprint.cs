using System.Security.Cryptography;
using System.Text;
using Rampart.Core.Ingest;

namespace Rampart.Core.Findings;

/// <summary>
/// The stable identity of a weakness on an asset. The same weakness reported by two tools, or by one tool in
/// two scans, must give the same fingerprint; the asset is not part of it because findings are keyed per asset.
/// </summary>
/// <remarks>
/// <para>Vulnerabilities: the preferred id (CVE first) | the package name without namespace | the version.</para>
/// <para>
/// Code, misconfigurations, secrets and the other located kinds: the kind | the rule (else the title) | the
/// normalized path, then the first of
/// (1) the tool's own fingerprint (SARIF partialFingerprints, primaryLocationLineHash preferred, else fingerprints),
/// which survives edits elsewhere in the file;
/// (2) the normalized snippet (whitespace runs collapsed, trimmed), so the same code moved to another line keeps
/// its identity while different code at the same line gets another;
/// (3) the start line.
/// </para>
/// </remarks>
public static class FindingFingerprint
{
    /// <summary>The canonical key before hashing; exposed so tests and support can see what was compared.</summary>
    public static string CanonicalKey(ReportedFinding reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        return reported.Kind switch
        {
            // A vulnerability is the same when the same id hits the same package at the same version,
            // whichever scanner saw it: "vuln|CVE-2021-44228|pkg:maven/org.apache.logging.log4j/log4j-core|2.14.1".
            FindingKind.Vulnerability => string.Join('|',
                "vuln",
                PreferredVulnerabilityId(reported.VulnerabilityIds) ?? reported.RuleId ?? reported.Title,
                PackageIdentity(reported),
                reported.ComponentVersion ?? "",
                reported.LocationPath is { } target && reported.ComponentPurl is null && reported.ComponentName is null ? target : ""),

            // Code, configuration and secrets: a tool's own fingerprint survives code moving between lines; without
            // one, the code itself (the snippet) does; without a snippet, the rule at a path and line is the identity.
            _ => string.Join('|',
                reported.Kind.ToString().ToLowerInvariant(),
                reported.RuleId ?? reported.Title,
                NormalizePath(reported.LocationPath),
                reported.ToolFingerprint
                    ?? (NormalizeSnippet(reported.Snippet) is { } snippet ? "snippet:" + snippet : null)
                    ?? reported.StartLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        };
    }

    /// <summary>Whitespace runs (line breaks, indentation) collapse to one space and the ends are trimmed; null when nothing is left.</summary>
    public static string? NormalizeSnippet(string? snippet)
    {
        if (string.IsNullOrWhiteSpace(snippet))
        {
            return null;
        }

        var builder = new StringBuilder(snippet.Length);
        var pendingSpace = false;
        foreach (var c in snippet.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string Compute(ReportedFinding reported)
    {
        var key = CanonicalKey(reported);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>CVE ids are the common currency across tools; fall back to the first id given.</summary>
    public static string? PreferredVulnerabilityId(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var id in ids)
        {
            if (id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase))
            {
                return id.ToUpperInvariant();
            }
        }

        return ids.Count > 0 ? ids[0].ToUpperInvariant() : null;
    }

    /// <summary>
    /// The package's own name without namespace or version, lower-cased, so that a purl
    /// ("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1") and a tool's plain name
    /// ("org.apache.logging.log4j:log4j-core") meet at "log4j-core". Issue 3 refines this with ecosystems.
    /// </summary>
    public static string PackageIdentity(ReportedFinding reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        string name;
        if (reported.ComponentPurl is { Length: > 0 } purl)
        {
            var end = purl.IndexOfAny(['@', '?', '#']);
            name = end >= 0 ? purl[..end] : purl;
            name = Uri.UnescapeDataString(name[(name.LastIndexOf('/') + 1)..]);
        }
        else
        {
            name = reported.ComponentName ?? "";
        }

        var cut = name.LastIndexOfAny([':', '/']);
        return (cut >= 0 ? name[(cut + 1)..] : name).ToLowerInvariant();
    }

    private static string NormalizePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            normalized = normalized["file://".Length..];
        }

        return normalized.TrimStart('.', '/');
    }
}
