using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Core.Workflow;

namespace Rampart.Data.Configuration;

internal sealed class FindingTransitionConfiguration : IEntityTypeConfiguration<FindingTransition>
{
    public void Configure(EntityTypeBuilder<FindingTransition> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Scan>().WithMany().HasForeignKey(t => t.ScanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => new { t.FindingId, t.At });
        builder.HasIndex(t => t.ScanId).HasFilter("\"ScanId\" IS NOT NULL");
        builder.Property(t => t.By).HasMaxLength(ColumnLengths.Name);
        builder.Property(t => t.Comment).HasMaxLength(ColumnLengths.Message);
    }
}

internal sealed class RiskAcceptanceConfiguration : IEntityTypeConfiguration<RiskAcceptance>
{
    public void Configure(EntityTypeBuilder<RiskAcceptance> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(a => a.PolicyVersionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.FindingId, a.Status });
        builder.HasIndex(a => new { a.Status, a.ExpiresAt });
        builder.Property(a => a.Justification).HasMaxLength(ColumnLengths.Message);
        builder.Property(a => a.CompensatingControls).HasMaxLength(ColumnLengths.Message);
        builder.Property(a => a.RequestedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.DecidedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.DecisionComment).HasMaxLength(ColumnLengths.Message);
    }
}

internal sealed class DueDiligenceItemConfiguration : IEntityTypeConfiguration<DueDiligenceItem>
{
    public void Configure(EntityTypeBuilder<DueDiligenceItem> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(d => d.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.FindingId).IsUnique();
        builder.HasIndex(d => new { d.Status, d.VendorFixDate });
        builder.Property(d => d.Vendor).HasMaxLength(ColumnLengths.Name);
        builder.Property(d => d.AccountableParty).HasMaxLength(ColumnLengths.Enum * 4);
        builder.Property(d => d.Contact).HasMaxLength(ColumnLengths.Name);
        builder.Property(d => d.VendorAnswer).HasMaxLength(ColumnLengths.Message * 4);
        builder.Property(d => d.UpdatedBy).HasMaxLength(ColumnLengths.Name);
    }
}
