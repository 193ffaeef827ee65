using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Tickets;

namespace Rampart.Data.Configuration;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // One row per notification, channel and target: planning twice cannot send twice.
        builder.HasIndex(d => new { d.NotificationId, d.Channel, d.Target }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.Property(d => d.Channel).HasMaxLength(ColumnLengths.Enum);
        builder.Property(d => d.Target).HasMaxLength(ColumnLengths.Name);
        builder.Property(d => d.LastError).HasMaxLength(ColumnLengths.Message);
    }
}

internal sealed class FindingTicketConfiguration : IEntityTypeConfiguration<FindingTicket>
{
    public void Configure(EntityTypeBuilder<FindingTicket> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.FindingId, t.System }).IsUnique();
        builder.HasIndex(t => new { t.System, t.Key }).IsUnique();
        builder.Property(t => t.System).HasMaxLength(ColumnLengths.Enum);
        builder.Property(t => t.Key).HasMaxLength(ColumnLengths.Name);
        builder.Property(t => t.Url).HasMaxLength(ColumnLengths.Path);
        builder.Property(t => t.ContentHash).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(t => t.ClosedBy).HasMaxLength(ColumnLengths.Name);
    }
}
