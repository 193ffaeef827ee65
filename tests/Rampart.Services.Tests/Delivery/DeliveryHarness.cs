using Microsoft.EntityFrameworkCore;
using Rampart.Core.Notifications;
using Rampart.Data;
using Rampart.Services.Delivery;
using Rampart.Services.Tests.Support;

namespace Rampart.Services.Tests.Delivery;

/// <summary>A <see cref="ServiceHarness"/> with delivery registered from the given options, and outbox helpers.</summary>
internal static class DeliveryHarness
{
    public static Task<ServiceHarness> CreateAsync(DatabaseProvider provider, DeliveryOptions options) =>
        ServiceHarness.CreateAsync(provider, services => services.AddRampartDelivery(options));

    public static Task<long> NotifyAsync(this ServiceHarness harness, string recipient, string subject = "TVM policy version 1 is in force", string kind = "policy-published", string? link = "/policy/1") =>
        harness.WithDbAsync(async db =>
        {
            var notification = new Notification
            {
                Recipient = recipient,
                Kind = kind,
                Subject = subject,
                Body = "Version 1 of the policy was published. Please read & acknowledge it <today>.",
                Link = link,
                CreatedAt = harness.Clock.GetUtcNow(),
            };
            db.Notifications.Add(notification);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return notification.Id;
        });

    public static Task<DispatchResult> DispatchAsync(this ServiceHarness harness) =>
        harness.RunAsync<NotificationDispatcher, DispatchResult>(d => d.RunAsync(TestContext.Current.CancellationToken));

    public static Task<List<NotificationDelivery>> DeliveriesAsync(this ServiceHarness harness) =>
        harness.WithDbAsync(db => db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));

    public static Task AddUserAsync(this ServiceHarness harness, string name, string? email, string teams = "") =>
        harness.WithDbAsync(async db =>
        {
            db.Users.Add(new Core.Security.User { UserName = name, PasswordHash = "x", Email = email, TeamList = teams, CreatedAt = harness.Clock.GetUtcNow() });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
}
