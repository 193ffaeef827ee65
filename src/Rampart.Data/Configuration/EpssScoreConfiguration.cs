using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rampart.Core.Feeds;

namespace Rampart.Data.Configuration;

internal sealed class EpssScoreConfiguration : IEntityTypeConfiguration<EpssScore>
{
    public void Configure(EntityTypeBuilder<EpssScore> builder)
    {
        // A day's ~300,000 rows arrive in key order of the day, so (ScoreDate, Cve) appends; (Cve, ScoreDate) serves
        // "the history of one CVE" for trend charts and "the latest score of a CVE".
        builder.HasKey(s => new { s.ScoreDate, s.Cve });
        builder.Property(s => s.Cve).HasMaxLength(ColumnLengths.CveId);
        builder.HasIndex(s => new { s.Cve, s.ScoreDate });
    }
}
