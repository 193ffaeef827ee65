using Microsoft.EntityFrameworkCore;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Tickets;
using Rampart.Services.Tests.Support;
using Rampart.Services.Tickets;

namespace Rampart.Services.Tests.Tickets;

/// <summary>One asset (payments-api, owner team platform) with one open P1 finding due in 7 days, and helpers to change it.</summary>
internal static class TicketSeed
{
    public const string Title = "SQL injection in OrderRepository";

    public static Task<long> FindingAsync(ServiceHarness harness, string? ownerTeam = "platform") => harness.WithDbAsync(async db =>
    {
        var now = harness.Clock.GetUtcNow();
        var asset = new Asset { Name = "payments-api", OwnerTeam = ownerTeam, CreatedAt = now };
        db.Assets.Add(asset);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var fingerprint = new string('a', 64);
        var finding = new Finding
        {
            AssetId = asset.Id,
            Fingerprint = fingerprint,
            FingerprintKey = Finding.KeyOf(fingerprint),
            Title = Title,
            Kind = FindingKind.Code,
            Priority = Priority.P1,
            Severity = Severity.Critical,
            ToolSeverity = Severity.Critical,
            Status = FindingStatus.Open,
            FirstSeen = now,
            LastSeen = now,
            StatusChangedAt = now,
            DueDate = now.AddDays(7),
            LocationPath = "src/OrderRepository.cs",
            LocationLine = 42,
            PriorityReasons = "critical · internet-facing → P1\nseverity: critical (tool)",
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return finding.Id;
    });

    public static Task ChangeAsync(ServiceHarness harness, long findingId, Action<Finding> change) => harness.WithDbAsync(async db =>
    {
        var finding = await db.Findings.SingleAsync(f => f.Id == findingId, TestContext.Current.CancellationToken);
        change(finding);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    public static Task<TicketSyncResult> SyncAsync(ServiceHarness harness) =>
        harness.RunAsync<TicketSync, TicketSyncResult>(s => s.RunAsync(TestContext.Current.CancellationToken));

    public static Task<FindingTicket> TicketAsync(ServiceHarness harness) =>
        harness.WithDbAsync(db => db.FindingTickets.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));

    public static Task<List<Notification>> NotificationsAsync(ServiceHarness harness) =>
        harness.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(TestContext.Current.CancellationToken));
}
