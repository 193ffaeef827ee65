using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Data;

namespace Rampart.Services.Delivery.Email;

/// <summary>
/// E-mail over SMTP (MailKit). A notification to a user goes to the user's address; to "team:NAME", to every member
/// with an address; to "party:NAME", to the address configured for the party. A user without an address is recorded
/// as a failed delivery saying so (nothing is sent), which is the evidence that the person was not reached.
/// </summary>
public sealed class EmailChannel(RampartDbContext db, DeliveryOptions options) : IDeliveryChannel
{
    private const string TeamPrefix = "team:";
    private const string PartyPrefix = "party:";

    public string Name => DeliveryChannels.Email;

    public async Task<IReadOnlyList<DeliveryTarget>> TargetsAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var recipient = notification.Recipient;
        if (recipient.StartsWith(PartyPrefix, StringComparison.Ordinal))
        {
            var party = recipient[PartyPrefix.Length..];
            return options.Email.Parties.TryGetValue(party, out var address)
                ? [new DeliveryTarget(address)]
                : [new DeliveryTarget(recipient, $"No address for party {party}: set {DeliveryOptions.Section}:Email:Parties:{party}.")];
        }

        if (recipient.StartsWith(TeamPrefix, StringComparison.Ordinal))
        {
            var team = recipient[TeamPrefix.Length..];
            var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken); // people: a small table
            var members = users.Where(u => ValueList.Split(u.TeamList).Contains(team, StringComparer.Ordinal)).ToList();
            if (members.Count == 0)
            {
                return [new DeliveryTarget(recipient, $"Team {team} has no members.")];
            }

            return [.. members.Select(Target)];
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == recipient, cancellationToken);
        return [user is null ? new DeliveryTarget(recipient, $"{recipient} is not a Rampart user.") : Target(user)];
    }

    public async Task<DeliveryAttempt> SendAsync(Notification notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(delivery);
        var email = options.Email;
        using var message = Message(notification, delivery);
        using var smtp = new SmtpClient { Timeout = (int)email.Timeout.TotalMilliseconds };
        try
        {
            var security = email.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(email.Host!, email.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(email.UserName))
            {
                await smtp.AuthenticateAsync(email.UserName, email.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryAttempt.Success;
        }
        catch (AuthenticationException)
        {
            return DeliveryAttempt.Retry($"The SMTP server {email.Host} refused the sign-in of {DeliveryOptions.Section}:Email:UserName.");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            // RFC 5321 §4.2.1: a 5yz reply is permanent; the address will not start working by itself.
            return DeliveryAttempt.GiveUp($"The SMTP server {email.Host} refused the recipient: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or ServiceNotConnectedException)
        {
            return DeliveryAttempt.Retry($"SMTP {email.Host}:{email.Port}: {ex.Message}");
        }
    }

    /// <summary>The message: plain text, the link made absolute, a Message-Id per delivery so a receiver can drop a repeat.</summary>
    internal MimeMessage Message(Notification notification, NotificationDelivery delivery)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Email.From!));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = notification.Subject;
        message.MessageId = $"rampart-delivery-{delivery.Id}@{message.From.Mailboxes.First().Domain}";
        message.Headers.Add("X-Rampart-Notification", notification.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add("X-Rampart-Kind", notification.Kind);
        var link = options.AbsoluteLink(notification.Link);
        var text = link is null ? notification.Body : $"{notification.Body}\n\n{link}";
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = text + "\n\n-- \nRampart notification (" + notification.Kind + ")\n" };
        return message;
    }

    private static DeliveryTarget Target(Core.Security.User user) =>
        string.IsNullOrWhiteSpace(user.Email)
            ? new DeliveryTarget(user.UserName, $"{user.UserName} has no e-mail address (rampart users set {user.UserName} --email ADDRESS).")
            : new DeliveryTarget(user.Email);
}
