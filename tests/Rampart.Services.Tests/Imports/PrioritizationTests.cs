using System.Text.Json.Nodes;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Imports;

/// <summary>Severity comes from CVSS when a vector is present; the due date is first seen + 7/30/90/180 days by priority.</summary>
public sealed class PrioritizationTests
{
    private static readonly DateTimeOffset ScanDate = new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_CvssVectors_DecideSeverityPriorityAndDueDate(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        // Four vulnerabilities whose tool severity disagrees with their CVSS 3.1 vector, on a new asset
        // (internal, medium criticality: no raise or lowering). Scores from the v3.1 spec §7 formulas.
        var report = ReportVariants.Edit(ReportVariants.TrivyAlpine, root =>
        {
            var vulnerabilities = ReportVariants.TrivyVulnerabilities(root);
            var template = vulnerabilities[0]!;
            vulnerabilities.Clear();
            vulnerabilities.Add(WithVector(template, "CVE-2099-1001", "LOW", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")); // 9.8 critical
            vulnerabilities.Add(WithVector(template, "CVE-2099-1002", "CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")); // 7.5 high
            vulnerabilities.Add(WithVector(template, "CVE-2099-1003", "LOW", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N")); // 5.3 medium
            vulnerabilities.Add(WithVector(template, "CVE-2099-1004", "HIGH", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N")); // 3.1 low
        });

        await harness.ImportAsync("scored", report, "scored.json", scanDate: ScanDate);

        var findings = (await harness.FindingsAsync("scored")).ToDictionary(f => f.VulnerabilityIds.Split(' ')[0]);
        AssertScored(findings["CVE-2099-1001"], Severity.Critical, 9.8, Priority.P1, days: 7);
        AssertScored(findings["CVE-2099-1002"], Severity.High, 7.5, Priority.P2, days: 30);
        AssertScored(findings["CVE-2099-1003"], Severity.Medium, 5.3, Priority.P3, days: 90);
        AssertScored(findings["CVE-2099-1004"], Severity.Low, 3.1, Priority.P4, days: 180);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportAsync_Reimport_KeepsDueDateCountedFromFirstSeen(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var report = ReportVariants.Bytes(ReportVariants.TrivyAlpine);

        await harness.ImportAsync("alpine", report, "alpine.json", scanDate: ScanDate);
        await harness.ImportAsync("alpine", report, "alpine.json", scanDate: ScanDate.AddDays(20));

        // All four carry CVSS 3.1 base 5.3 (nvd) → medium → P3 → 90 days from the first scan, not the second.
        foreach (var f in await harness.FindingsAsync("alpine"))
        {
            Assert.Equal(Priority.P3, f.Priority);
            Assert.Equal(ScanDate.AddDays(90), f.DueDate);
            Assert.Equal(ScanDate.AddDays(20), await harness.LastSeenAsync(f.Id));
        }
    }

    private static JsonNode WithVector(JsonNode template, string id, string toolSeverity, string vector)
    {
        var vulnerability = ReportVariants.TrivyVulnerabilityLike(template, id, $"{id} test");
        vulnerability["Severity"] = toolSeverity;
        vulnerability["CVSS"] = new JsonObject { ["nvd"] = new JsonObject { ["V3Vector"] = vector } };
        vulnerability.AsObject().Remove("VendorSeverity");
        return vulnerability;
    }

    private static void AssertScored(Finding finding, Severity severity, double score, Priority priority, int days)
    {
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(score, finding.CvssScore);
        Assert.Equal(priority, finding.Priority);
        Assert.Equal(ScanDate, finding.FirstSeen);
        Assert.Equal(ScanDate.AddDays(days), finding.DueDate);
        Assert.Contains("CVSS 3.1", finding.PriorityReasons, StringComparison.Ordinal);
    }
}
