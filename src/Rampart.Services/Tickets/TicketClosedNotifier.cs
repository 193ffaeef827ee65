using Microsoft.EntityFrameworkCore;
using Rampart.Core.Notifications;
using Rampart.Data;
using Rampart.Services.Policies;

namespace Rampart.Services.Tickets;

/// <summary>
/// The default <see cref="ITicketClosedHandler"/>: an in-app notification (delivered on by e-mail and webhooks like any
/// other) to the finding's owner team — or, without one, to the asset's accountable SSRM party — that the ticket was
/// closed while the finding is still open, so someone verifies the fix. The finding itself is left as it is.
/// </summary>
public sealed class TicketClosedNotifier(RampartDbContext db, TimeProvider clock) : ITicketClosedHandler
{
    public const string Kind = "ticket-closed";

    public async Task TicketClosedAsync(long findingId, string system, string key, string? closedBy, CancellationToken cancellationToken)
    {
        var finding = await db.Findings.AsNoTracking().Include(f => f.Asset).SingleOrDefaultAsync(f => f.Id == findingId, cancellationToken);
        if (finding?.Asset is not { } asset)
        {
            return; // the finding was deleted with its asset: nobody to tell
        }

        var recipient = string.IsNullOrWhiteSpace(asset.OwnerTeam) ? "party:" + PolicyAudience.PartyName(asset.AccountableParty) : "team:" + asset.OwnerTeam;
        var who = closedBy ?? "someone";
        var subject = $"{system} ticket {key} was closed by {who}; finding {findingId} is still open";
        db.Notifications.Add(new Notification
        {
            Recipient = recipient,
            Kind = Kind,
            Subject = subject.Length <= ColumnLengths.Title ? subject : subject[..ColumnLengths.Title],
            Body = $"The ticket for \"{Clip(finding.Title)}\" on {asset.Name} was closed in {system} by {who}. The finding stays open in Rampart until a later scan no longer sees it; please check the fix.",
            Link = $"/findings/{findingId}",
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300];
}
