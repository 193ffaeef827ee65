namespace Rampart.Services.Feeds;

/// <summary>Where feeds come from by default and where downloaded copies are kept (configuration: Rampart:Feeds).</summary>
public sealed record FeedSettings
{
    /// <summary>FIRST's current daily file (https://www.first.org/epss/data_stats), served by Empirical Security.</summary>
    public const string DefaultEpssLocation = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";

    /// <summary>CISA's catalog (https://www.cisa.gov/known-exploited-vulnerabilities-catalog), JSON edition.</summary>
    public const string DefaultKevLocation = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";

    /// <summary>Largest download accepted (the EPSS file is ~11.5 MB compressed in 2026).</summary>
    public const long MaxDownloadBytes = 512L * 1024 * 1024;

    /// <summary>The folder for the cached copy of each feed's last download and for downloads in progress.</summary>
    public required string CacheDirectory { get; init; }

    public string EpssLocation { get; init; } = DefaultEpssLocation;

    public string KevLocation { get; init; } = DefaultKevLocation;

    /// <summary>Settings with the cache in <paramref name="dataDirectory"/>/feeds.</summary>
    public static FeedSettings InDataDirectory(string dataDirectory) => new() { CacheDirectory = Path.Combine(Path.GetFullPath(dataDirectory), "feeds") };

    public string DefaultLocation(string feed) => feed == Core.Feeds.FeedNames.Epss ? EpssLocation : KevLocation;

    /// <summary>The copy of the feed's last download, reloaded offline and after restarts.</summary>
    public string CachedCopy(string feed) => Path.Combine(CacheDirectory, feed + ".latest");
}
