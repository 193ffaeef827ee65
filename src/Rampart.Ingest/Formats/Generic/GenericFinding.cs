using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Generic;

/// <summary>
/// The fields of one finding of the Rampart generic formats (docs/formats/generic.md), collected from a JSON
/// object or a CSV row, validated and turned into a <see cref="ReportedFinding"/>. Both formats share these rules,
/// so a value means the same in either. A bad value throws <see cref="InvalidDataException"/> with the reason;
/// the reader adds the file, line and finding number.
/// </summary>
internal sealed partial class GenericFinding
{
    public const string KindValues = "vulnerability, code, misconfiguration, secret, dast, ai-red-team";

    private readonly List<string> _ids = [];
    private readonly List<string> _cwes = [];
    private readonly List<string> _tags = [];
    private readonly List<string> _cvss = [];
    private readonly List<Evidence> _evidence = [];
    private FindingKind? _kind;
    private Severity? _severity;
    private string? _title;
    private int? _line;

    public string? Description { get; set; }

    public string? RuleId { get; set; }

    public string? ComponentName { get; set; }

    public string? ComponentVersion { get; set; }

    public string? Purl { get; set; }

    public string? FixedVersion { get; set; }

    public string? Path { get; set; }

    public string? Fingerprint { get; set; }

    public bool Suppressed { get; set; }

    public string? Message { get; set; }

    public void SetKind(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _kind = text.Trim().ToLowerInvariant().Replace('_', '-') switch
        {
            "vulnerability" => FindingKind.Vulnerability,
            "code" => FindingKind.Code,
            "misconfiguration" => FindingKind.Misconfiguration,
            "secret" => FindingKind.Secret,
            "dast" => FindingKind.Dast,
            "ai-red-team" => FindingKind.AiRedTeam,
            _ => throw new InvalidDataException($"kind \"{ScannerText.Short(text)}\" is not one of {KindValues}"),
        };
    }

    public void SetTitle(string? text) => _title = ScannerText.Title(text);

    /// <summary>One of the five words (any case) or a score from 0 to 10, banded like CVSS v3 (9.0 and up is critical…).</summary>
    public void SetSeverity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _severity = null;
            return;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            _severity = score is >= 0 and <= 10
                ? SeverityScale.FromScore(score)
                : throw new InvalidDataException($"severity {ScannerText.Short(trimmed)} is outside the 0–10 score range");
            return;
        }

        _severity = trimmed.ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            "INFO" => Severity.Info,
            _ => throw new InvalidDataException(
                $"severity \"{ScannerText.Short(trimmed)}\" is not one of critical, high, medium, low, info or a score from 0 to 10"),
        };
    }

    public void AddId(string? text)
    {
        if (Identifiers.VulnerabilityId(text) is { } id)
        {
            _ids.Add(id);
        }
    }

    public void AddCwe(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        _cwes.Add(Identifiers.Cwe(text) ?? throw new InvalidDataException($"\"{ScannerText.Short(text)}\" is not a CWE id (write CWE-79 or 79)"));
    }

    public void AddTag(string? text)
    {
        if (ScannerText.Short(text) is { } tag)
        {
            _tags.Add(tag);
        }
    }

    public void AddCvss(string? text)
    {
        if (ScannerText.Short(text) is not { } vector)
        {
            return;
        }

        _cvss.Add(CvssVector().IsMatch(vector)
            ? vector
            : throw new InvalidDataException($"cvss \"{vector}\" is not a CVSS vector such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (a score goes in severity)"));
    }

    public void AddEvidence(string? label, string? text)
    {
        if (ScannerText.Long(text) is not { } body)
        {
            throw new InvalidDataException("each evidence item needs a text");
        }

        _evidence.Add(new Evidence(ScannerText.Short(label) ?? "evidence", body));
    }

    /// <summary>
    /// A whole number. Lenient reading: a line below 1 or beyond a 32-bit integer is no real line, so it is ignored
    /// (the finding keeps its path) rather than refused; text that is not a whole number is an error.
    /// </summary>
    public void SetLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _line = null;
            return;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var line))
        {
            throw new InvalidDataException($"line \"{ScannerText.Short(text)}\" is not a whole number");
        }

        _line = line is >= 1 and <= int.MaxValue ? (int)line : null;
    }

    public static bool ParseBoolean(string? text, string field) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "no" or "0" => false,
        "true" or "yes" or "1" => true,
        _ => throw new InvalidDataException($"{field} \"{ScannerText.Short(text)}\" is not true or false"),
    };

    /// <summary>Splits a list cell: items are separated by spaces, semicolons or commas.</summary>
    public static IEnumerable<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([' ', '\t', '\r', '\n', ';', ','], StringSplitOptions.RemoveEmptyEntries);

    public ReportedFinding Build(string tool)
    {
        var title = _title ?? throw new InvalidDataException("title is required");
        var severity = _severity ?? throw new InvalidDataException("severity is required (critical, high, medium, low, info or a score from 0 to 10)");

        string? purl = null;
        string? name = ScannerText.Short(ComponentName);
        string? version = ScannerText.Short(ComponentVersion);
        if (ScannerText.Short(Purl) is { } purlText)
        {
            var parsed = PackageUrl.TryParse(purlText)
                ?? throw new InvalidDataException($"purl \"{purlText}\" is not a package URL such as pkg:npm/lodash@4.17.20");
            purl = parsed.Purl;
            name ??= parsed.Name;
            version ??= parsed.Version;
        }

        var ids = Identifiers.Distinct(_ids);
        var kind = _kind ?? (ids.Count > 0 && (name is not null || purl is not null) ? FindingKind.Vulnerability : FindingKind.Code);
        return new ReportedFinding
        {
            Kind = kind,
            Tool = tool,
            Title = title,
            Description = ScannerText.Long(Description),
            RuleId = ScannerText.Short(RuleId),
            VulnerabilityIds = ids,
            Cwes = Identifiers.Distinct(_cwes),
            Tags = Identifiers.Distinct(_tags),
            ComponentPurl = purl,
            ComponentName = name,
            ComponentVersion = version,
            FixedVersion = ScannerText.Short(FixedVersion),
            LocationPath = ScannerText.Short(Path),
            StartLine = _line,
            ToolSeverity = severity,
            CvssVectors = Identifiers.Distinct(_cvss),
            ToolFingerprint = ScannerText.Short(Fingerprint),
            Suppressed = Suppressed,
            Message = ScannerText.Long(Message),
            Evidence = _evidence,
        };
    }

    /// <summary>A v3.x/v4.0 vector ("CVSS:3.1/AV:N/…") or a v2 vector, which has no prefix ("AV:N/AC:L/…").</summary>
    [GeneratedRegex(@"^(?:CVSS:[0-9]\.[0-9]/)?AV:[A-Z]+(?:/[A-Za-z]+:[A-Za-z]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CvssVector();
}
