using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Data;

namespace Rampart.Services.Tests.Support;

/// <summary>
/// A small, hand-made set of findings for the read side (the import has its own tests), relative to the clock's start:
/// <code>
/// title                    asset priority severity status        due
/// SQL injection            api   P1       Critical Open          -1 day   (overdue)
/// Log4Shell in log4j-core  api   P1       Critical Open          +5 days
/// Weak hash                api   P3       Medium   Open          +60 days
/// XSS                      web   P2       High     Open          -10 days (overdue)
/// Old openssl              web   P4       Low      Fixed         -100 days (fixed: not overdue)
/// Debug enabled            web   P3       Medium   RiskAccepted  +10 days
/// Info leak                web   P4       Info     Open          +100 days
/// </code>
/// Two scans: api's (imported at start - 2h) and web's (start - 1h).
/// </summary>
public static class Seed
{
    public static async Task FindingsAsync(ServiceHarness harness)
    {
        var now = harness.Clock.GetUtcNow();
        await harness.WithDbAsync(async db =>
        {
            var api = new Asset { Name = "api", CreatedAt = now };
            var web = new Asset { Name = "web", CreatedAt = now, Exposure = Exposure.Internet };
            db.Assets.AddRange(api, web);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            db.Findings.AddRange(
                Finding(api, "SQL injection", Priority.P1, Severity.Critical, FindingStatus.Open, now.AddDays(-1), path: "src/db.cs", line: 42),
                Finding(api, "Log4Shell in log4j-core", Priority.P1, Severity.Critical, FindingStatus.Open, now.AddDays(5), vulnerabilityIds: "CVE-2021-44228 GHSA-jfh8-c2jp-5v3q", component: "log4j-core"),
                Finding(api, "Weak hash", Priority.P3, Severity.Medium, FindingStatus.Open, now.AddDays(60)),
                Finding(web, "XSS", Priority.P2, Severity.High, FindingStatus.Open, now.AddDays(-10)),
                Finding(web, "Old openssl", Priority.P4, Severity.Low, FindingStatus.Fixed, now.AddDays(-100), component: "openssl"),
                Finding(web, "Debug enabled", Priority.P3, Severity.Medium, FindingStatus.RiskAccepted, now.AddDays(10)),
                Finding(web, "Info leak", Priority.P4, Severity.Info, FindingStatus.Open, now.AddDays(100)));

            var apiTrivy = new Source { AssetId = api.Id, Tool = "Trivy" };
            var webCodeQl = new Source { AssetId = web.Id, Tool = "CodeQL" };
            db.Sources.AddRange(apiTrivy, webCodeQl);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            db.Scans.AddRange(
                new Scan { AssetId = api.Id, SourceId = apiTrivy.Id, Tool = "Trivy", Format = ReportFormat.Trivy, FileName = "api.json", ScanDate = now.AddHours(-2), ImportedAt = now.AddHours(-2), FindingCount = 3, NewCount = 3 },
                new Scan { AssetId = web.Id, SourceId = webCodeQl.Id, Tool = "CodeQL", Format = ReportFormat.Sarif, FileName = "web.sarif", ScanDate = now.AddHours(-1), ImportedAt = now.AddHours(-1), FindingCount = 4, NewCount = 4, ClosedCount = 1 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }

    private static Finding Finding(
        Asset asset, string title, Priority priority, Severity severity, FindingStatus status, DateTimeOffset due,
        string vulnerabilityIds = "", string? component = null, string? path = null, int? line = null)
    {
        var fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(asset.Name + title)));
        return new()
        {
            AssetId = asset.Id,
            Fingerprint = fingerprint,
            FingerprintKey = Core.Findings.Finding.KeyOf(fingerprint),
            Title = title,
            Kind = vulnerabilityIds.Length > 0 ? FindingKind.Vulnerability : FindingKind.Code,
            Priority = priority,
            Severity = severity,
            ToolSeverity = severity,
            Status = status,
            VulnerabilityIds = vulnerabilityIds,
            ComponentName = component,
            LocationPath = path,
            LocationLine = line,
            FirstSeen = due.AddDays(-30),
            LastSeen = due.AddDays(-30),
            StatusChangedAt = due.AddDays(-30),
            DueDate = due,
            PriorityReasons = "seeded",
        };
    }
}
