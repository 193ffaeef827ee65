namespace Rampart.Ingest.Normalization;

/// <summary>Gives CVSS vectors their version prefix so that a vector alone says how to score it.</summary>
internal static class CvssVectors
{
    /// <summary>
    /// A vector as given, prefixed when the rating method names a version the vector leaves out
    /// (CVSS v3.x and v4.0 vectors carry "CVSS:x.y/"; v2 vectors have no prefix by spec). Null for non-CVSS methods.
    /// </summary>
    public static string? Normalize(string? method, string? vector)
    {
        var text = ScannerText.Short(vector);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith("CVSS:", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var prefix = method?.Trim().ToUpperInvariant() switch
        {
            "CVSSV3" => "CVSS:3.0/",
            "CVSSV31" => "CVSS:3.1/",
            "CVSSV4" or "CVSSV40" => "CVSS:4.0/",
            "CVSSV2" => "",
            null or "" => "",
            _ => null, // OWASP risk rating, SSVC, "other": not a CVSS vector
        };
        return prefix is null ? null : prefix + text;
    }
}
