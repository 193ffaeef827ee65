using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core.Findings;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Zap;

/// <summary>
/// One ZAP alert (an <c>alertitem</c> of a site) gathered field by field from the JSON or the XML report; its
/// instances are counted as they stream past and only the first <see cref="MaxEvidence"/> are kept.
/// ZAP sends numbers as strings ("riskcode": "2"); both are accepted.
/// </summary>
internal sealed partial class ZapAlert
{
    public const string Tool = "OWASP ZAP";

    public const int MaxEvidence = 20;

    private readonly List<Evidence> _evidence = [];
    private readonly List<string?> _tags = [];
    private readonly List<string?> _cwes = [];
    private readonly Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private int _instances;

    /// <summary>A scalar field of the alert (pluginid, alertRef, name, riskcode, desc…); unknown fields are kept but unused.</summary>
    public void Set(string field, string? value)
    {
        if (value is not null && field is not ("instances" or "tags"))
        {
            _fields[field] = value;
        }
    }

    /// <summary>A ZAP alert tag ("OWASP_2021_A03", "CWE-565", "WSTG-v42-ATHN-06", "POLICY_QA_STD").</summary>
    public void AddTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return;
        }

        var trimmed = tag.Trim();
        if (OwaspTopTen().Match(trimmed) is { Success: true } owasp)
        {
            _tags.Add($"OWASP:{owasp.Groups["item"].Value.ToUpperInvariant()}:{owasp.Groups["year"].Value}");
        }
        else if (trimmed.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
        {
            _cwes.Add(Identifiers.Cwe(trimmed));
        }

        // Other tags (WSTG sections, scan policies) name no taxonomy entry a finding can be grouped by.
    }

    /// <summary>One instance: a request that showed the weakness. Request and response bodies are never kept.</summary>
    public void AddInstance(string? method, string? uri, string? param, string? attack, string? evidence)
    {
        _instances++;
        if (_evidence.Count >= MaxEvidence)
        {
            return;
        }

        var label = ScannerText.Short($"{method?.Trim()} {uri?.Trim()}") ?? "instance";
        var parts = new[] { ("param", param), ("attack", attack), ("evidence", evidence) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item1}={p.Item2!.Trim()}");
        _evidence.Add(new Evidence(label, ScannerText.Short(string.Join(' ', parts)) ?? ""));
    }

    public ReportedFinding ToFinding(string? site)
    {
        var ruleId = ScannerText.Short(Field("alertRef") ?? Field("pluginid"));
        var count = int.TryParse(Field("count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new ReportedFinding
        {
            Kind = FindingKind.Dast,
            Tool = Tool,
            Title = ScannerText.Title(Field("name") ?? Field("alert")) ?? ruleId ?? "ZAP alert",
            Description = ScannerText.Long(Description()),
            RuleId = ruleId,
            Cwes = Identifiers.Distinct(_cwes.Prepend(PositiveNumber("cweid") is { } cwe ? Identifiers.Cwe(cwe) : null)),
            Tags = Identifiers.Distinct(_tags.Prepend(PositiveNumber("wascid") is { } wasc ? $"WASC:{wasc}" : null)),
            LocationPath = ScannerText.Short(site),
            ToolSeverity = Severity(),
            Suppressed = Field("confidence")?.Trim() == "0", // confidence 0 is ZAP's "false positive"
            Message = ScannerText.Long(ZapText.Plain(Field("otherinfo"))),

            // The listed instances, or the count ZAP gives when it lists fewer than it saw.
            Occurrences = Math.Max(1, Math.Max(_instances, count)),
            Evidence = [.. _evidence],
        };
    }

    private string? Field(string name) => _fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>cweid and wascid use -1 (and sometimes 0) for "none".</summary>
    private int? PositiveNumber(string name) =>
        int.TryParse(Field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    /// <summary>riskcode 0–3 (Informational, Low, Medium, High); otherwise the first word of riskdesc ("Medium (High)").</summary>
    private Severity Severity() => Field("riskcode") switch
    {
        "0" => Core.Findings.Severity.Info,
        "1" => Core.Findings.Severity.Low,
        "2" => Core.Findings.Severity.Medium,
        "3" => Core.Findings.Severity.High,
        _ => SeverityScale.Parse(Field("riskdesc")?.Split(' ', 2)[0]) ?? Core.Findings.Severity.Info,
    };

    private string? Description()
    {
        var parts = new List<string>();
        if (ZapText.Plain(Field("desc")) is { } description)
        {
            parts.Add(description);
        }

        if (ZapText.Plain(Field("solution")) is { } solution)
        {
            parts.Add("Solution: " + solution);
        }

        if (ZapText.Plain(Field("reference")) is { } references)
        {
            parts.Add("References:\n" + references);
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    [GeneratedRegex(@"^OWASP_(?<year>[0-9]{4})_(?<item>A[0-9]{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex OwaspTopTen();
}
