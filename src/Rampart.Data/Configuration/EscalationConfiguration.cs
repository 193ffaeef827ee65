using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;
using Rampart.Core.Policies;
using Rampart.Core.Workflow;

namespace Rampart.Data.Configuration;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(e => e.PolicyVersionId).OnDelete(DeleteBehavior.SetNull);
        // A step fires once per finding and due date, also with two nodes running the check at once.
        builder.HasIndex(e => new { e.FindingId, e.DaysAfterDue, e.Notify, e.DueDate }).IsUnique();
        builder.HasIndex(e => e.FiredAt);
        builder.Property(e => e.Notify).HasMaxLength(ColumnLengths.Name);
        builder.Property(e => e.Recipients).HasMaxLength(ColumnLengths.Message);
    }
}

internal sealed class SlaPauseConfiguration : IEntityTypeConfiguration<SlaPause>
{
    public void Configure(EntityTypeBuilder<SlaPause> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(p => p.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(p => p.PolicyVersionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.FindingId, p.PausedAt });
        builder.Property(p => p.PausedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.ResumedBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.Reason).HasMaxLength(ColumnLengths.Message);
    }
}
