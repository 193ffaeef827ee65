namespace Rampart.Core.Feeds;

/// <summary>
/// One CVE's EPSS score on one day (FIRST EPSS daily file). Every day is kept, not only the latest, so a finding can
/// show how the probability of exploitation moved; the key is (ScoreDate, Cve).
/// </summary>
public sealed class EpssScore
{
    /// <summary>The day the model scored (the file's score_date, as written).</summary>
    public DateOnly ScoreDate { get; set; }

    /// <summary>Upper-case CVE id, e.g. "CVE-2021-44228".</summary>
    public required string Cve { get; set; }

    /// <summary>Probability of exploitation activity in the next 30 days, 0 to 1.</summary>
    public double Epss { get; set; }

    /// <summary>Share of all scored CVEs with an EPSS at or below this one, 0 to 1.</summary>
    public double Percentile { get; set; }
}
