using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;
using Rampart.Core.Prioritization;

namespace Rampart.Data.Configuration;

internal sealed class PriorityChangeConfiguration : IEntityTypeConfiguration<PriorityChange>
{
    public void Configure(EntityTypeBuilder<PriorityChange> builder)
    {
        builder.HasOne<Finding>().WithMany().HasForeignKey(c => c.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Cause).HasMaxLength(ColumnLengths.Name);
        builder.Property(c => c.ChangedBy).HasMaxLength(ColumnLengths.Name);
        builder.Ignore(c => c.BecameP1);

        // A finding's history in order, and "what changed since" for subscribers (the remediation workflow's hook).
        builder.HasIndex(c => new { c.FindingId, c.ChangedAt });
        builder.HasIndex(c => new { c.ChangedAt, c.ToPriority });
    }
}
