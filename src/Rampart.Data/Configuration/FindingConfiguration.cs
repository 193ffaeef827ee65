using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Findings;

namespace Rampart.Data.Configuration;

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.HasOne(f => f.Asset).WithMany().HasForeignKey(f => f.AssetId).OnDelete(DeleteBehavior.Cascade);

        builder.Property(f => f.Fingerprint).HasMaxLength(ColumnLengths.Fingerprint);
        builder.Property(f => f.Title).HasMaxLength(ColumnLengths.Title);
        builder.Property(f => f.RuleId).HasMaxLength(ColumnLengths.RuleId);
        builder.Property(f => f.ComponentPurl).HasMaxLength(ColumnLengths.Purl);
        builder.Property(f => f.ComponentName).HasMaxLength(ColumnLengths.Component);
        builder.Property(f => f.ComponentVersion).HasMaxLength(ColumnLengths.Version);
        builder.Property(f => f.FixedVersion).HasMaxLength(ColumnLengths.Version);
        builder.Property(f => f.LocationPath).HasMaxLength(ColumnLengths.Path);
        builder.Property(f => f.Tags).HasMaxLength(ColumnLengths.Tag);
        builder.Property(f => f.PriorityOverrideReason).HasMaxLength(ColumnLengths.Message);
        builder.Property(f => f.PriorityOverrideBy).HasMaxLength(ColumnLengths.Name);
        builder.Property(f => f.Assignee).HasMaxLength(ColumnLengths.Name);
        builder.HasOne<Finding>().WithMany().HasForeignKey(f => f.DuplicateOfId).OnDelete(DeleteBehavior.SetNull);

        // Existing rows get New, then the migration sets State from Status (FindingWorkflow.StateOf).
        builder.Property(f => f.State).HasDefaultValue(Core.Workflow.WorkflowState.New).HasSentinel((Core.Workflow.WorkflowState)(-1));

        // Severity is stored by name, which does not sort; this stored column gives the order (Info 0 … Critical 4)
        // and lets an index serve "sort by severity". Plain SQL that SQLite and PostgreSQL both accept.
        builder.Property<int>(FindingColumns.SeverityRank)
            .HasComputedColumnSql(
                """CASE "Severity" WHEN 'Critical' THEN 4 WHEN 'High' THEN 3 WHEN 'Medium' THEN 2 WHEN 'Low' THEN 1 ELSE 0 END""",
                stored: true);

        builder.HasIndex(f => new { f.AssetId, f.FingerprintKey }).IsUnique();

        // Each index costs every bulk import (issue 3: 50,000 findings/s), so only the common list orders have one;
        // sorting by title, first seen or last seen scans the filtered rows.
        // The findings list (FindingFilter): status is nearly always filtered, then one sort key, Id as tiebreaker.
        builder.HasIndex(f => new { f.Status, f.Priority, f.DueDate, f.Id });
        builder.HasIndex(f => new { f.AssetId, f.Status, f.Priority, f.DueDate });
        builder.HasIndex(f => new { f.Status, f.DueDate, f.Id });
        builder.HasIndex(nameof(Finding.Status), FindingColumns.SeverityRank, nameof(Finding.Id));

        // "My work": an assignee's open findings, most urgent first. Partial, so unassigned findings (every new one
        // an import writes) cost this index nothing.
        builder.HasIndex(f => new { f.Assignee, f.Status, f.Priority, f.DueDate }).HasFilter("\"Assignee\" IS NOT NULL");
        builder.HasIndex(f => f.DuplicateOfId).HasFilter("\"DuplicateOfId\" IS NOT NULL");
    }
}
