using Rampart.Core.Feeds;
using Rampart.Services.Imports.Bulk;

namespace Rampart.Services.Feeds;

/// <summary>EPSS rows for the bulk writers (a day is ~300,000 of them); a test checks the columns against the EF model.</summary>
internal sealed class EpssScoreRows : RowShape<EpssScore>
{
    public static EpssScoreRows Instance { get; } = new();

    public override string Table => "EpssScores";

    public override IReadOnlyList<string> Columns { get; } = ["ScoreDate", "Cve", "Epss", "Percentile"];

    public override void Write(EpssScore row, IRowWriter writer)
    {
        writer.Day(row.ScoreDate);
        writer.Text(row.Cve);
        writer.Double(row.Epss);
        writer.Double(row.Percentile);
    }
}

/// <summary>KEV entries for the bulk writers, in the column order of <see cref="Columns"/>.</summary>
internal sealed class KevEntryRows : RowShape<KevEntry>
{
    public static KevEntryRows Instance { get; } = new();

    public override string Table => "KevEntries";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "CveId", "VendorProject", "Product", "VulnerabilityName", "DateAdded", "ShortDescription", "RequiredAction", "DueDate",
        "KnownRansomwareCampaignUse", "Notes", "Cwes", "CatalogVersion",
    ];

    /// <summary>The values in column order, for the UPDATE of a changed entry.</summary>
    public static object?[] Values(KevEntry row) =>
    [
        row.CveId, row.VendorProject, row.Product, row.VulnerabilityName, row.DateAdded, row.ShortDescription, row.RequiredAction,
        row.DueDate, row.KnownRansomwareCampaignUse, row.Notes, row.Cwes, row.CatalogVersion,
    ];

    public override void Write(KevEntry row, IRowWriter writer)
    {
        writer.Text(row.CveId);
        writer.Text(row.VendorProject);
        writer.Text(row.Product);
        writer.Text(row.VulnerabilityName);
        writer.Day(row.DateAdded);
        writer.Text(row.ShortDescription);
        writer.Text(row.RequiredAction);
        writer.Day(row.DueDate);
        writer.Text(row.KnownRansomwareCampaignUse);
        writer.Text(row.Notes);
        writer.Text(row.Cwes);
        writer.Text(row.CatalogVersion);
    }
}
