using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Osv;

namespace Rampart.Data.Configuration;

internal sealed class OsvEntryConfiguration : IEntityTypeConfiguration<OsvEntry>
{
    public void Configure(EntityTypeBuilder<OsvEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(ColumnLengths.VulnerabilityId);
        builder.Property(e => e.SchemaVersion).HasMaxLength(ColumnLengths.Enum);
        builder.Property(e => e.Summary).HasMaxLength(ColumnLengths.Title);
        builder.Property(e => e.Aliases).HasMaxLength(ColumnLengths.Tag);
        builder.Property(e => e.CvssVectors).HasMaxLength(ColumnLengths.Tag);
    }
}

internal sealed class OsvAffectedPackageConfiguration : IEntityTypeConfiguration<OsvAffectedPackage>
{
    public void Configure(EntityTypeBuilder<OsvAffectedPackage> builder)
    {
        builder.HasOne<OsvEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.EntryId).HasMaxLength(ColumnLengths.VulnerabilityId);
        builder.Property(a => a.Ecosystem).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.EcosystemKey).HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.Name).HasMaxLength(ColumnLengths.Component);
        builder.Property(a => a.NameKey).HasMaxLength(ColumnLengths.Component);

        // Matching looks records up by package: "which records name PyPI requests?" (issue 4).
        builder.HasIndex(a => new { a.EcosystemKey, a.NameKey });
        builder.HasIndex(a => a.EntryId);
    }
}
