using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Assets;
using Rampart.Core.Findings;
using Rampart.Core.Notifications;
using Rampart.Core.Policies;

namespace Rampart.Data.Configuration;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.HasIndex(v => v.Number).IsUnique();
        // One version in force at a time, enforced by the database too (a partial unique index on both providers).
        builder.HasIndex(v => v.Status).IsUnique().HasFilter("\"Status\" = 'Published'");
        builder.Property(v => v.Title).HasMaxLength(ColumnLengths.Title);
        builder.Property(v => v.ContentHash).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(v => v.ApprovedHash).HasMaxLength(ColumnLengths.Sha256Hex);
        builder.Property(v => v.FileName).HasMaxLength(ColumnLengths.FileName);
        builder.Property(v => v.Author).HasMaxLength(ColumnLengths.Name);
        builder.Property(v => v.ApprovedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(v => v.PublishedBy).HasMaxLength(ColumnLengths.Name);
    }
}

internal sealed class PolicyTransitionConfiguration : IEntityTypeConfiguration<PolicyTransition>
{
    public void Configure(EntityTypeBuilder<PolicyTransition> builder)
    {
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(t => t.PolicyVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.PolicyVersionId, t.At });
        builder.Property(t => t.By).HasMaxLength(ColumnLengths.Name);
        builder.Property(t => t.Comment).HasMaxLength(ColumnLengths.Message);
        builder.Property(t => t.ContentHash).HasMaxLength(ColumnLengths.Sha256Hex);
    }
}

internal sealed class PolicyAcknowledgementConfiguration : IEntityTypeConfiguration<PolicyAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PolicyAcknowledgement> builder)
    {
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(a => a.PolicyVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PolicyVersionId, a.UserName }).IsUnique();
        builder.Property(a => a.UserName).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.ContentHash).HasMaxLength(ColumnLengths.Sha256Hex);
    }
}

internal sealed class PolicyExemptionConfiguration : IEntityTypeConfiguration<PolicyExemption>
{
    public void Configure(EntityTypeBuilder<PolicyExemption> builder)
    {
        builder.HasOne<Asset>().WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(e => e.PolicyVersionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.ExpiresAt);
        builder.Property(e => e.Justification).HasMaxLength(ColumnLengths.Message);
        builder.Property(e => e.CompensatingControls).HasMaxLength(ColumnLengths.Message);
        builder.Property(e => e.RequestedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(e => e.ApprovedBy).HasMaxLength(ColumnLengths.Name);
    }
}

internal sealed class SignificantChangeConfiguration : IEntityTypeConfiguration<SignificantChange>
{
    public void Configure(EntityTypeBuilder<SignificantChange> builder)
    {
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(c => c.AddressedByVersionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.AddressedByVersionId);
        builder.Property(c => c.Description).HasMaxLength(ColumnLengths.Message);
        builder.Property(c => c.RecordedBy).HasMaxLength(ColumnLengths.Name);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasIndex(n => new { n.Recipient, n.CreatedAt });
        builder.HasIndex(n => new { n.Kind, n.CreatedAt });
        builder.HasIndex(n => n.DispatchedAt);
        builder.Property(n => n.Recipient).HasMaxLength(ColumnLengths.Name);
        builder.Property(n => n.Kind).HasMaxLength(ColumnLengths.Enum * 2);
        builder.Property(n => n.Subject).HasMaxLength(ColumnLengths.Title);
        builder.Property(n => n.Body).HasMaxLength(ColumnLengths.Message * 4);
        builder.Property(n => n.Link).HasMaxLength(ColumnLengths.Path);
    }
}
