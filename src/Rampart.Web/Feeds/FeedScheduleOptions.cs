using Rampart.Services.Feeds;

namespace Rampart.Web.Feeds;

/// <summary>
/// The feed schedule, from configuration section <c>Rampart:Feeds</c> (e.g. environment variables
/// <c>Rampart__Feeds__Enabled=true</c>). Off unless Enabled is true, so tests and the demo never reach the internet.
/// </summary>
public sealed record FeedScheduleOptions
{
    public const string Section = "Rampart:Feeds";

    /// <summary>Quartz cron (seconds first): daily at 06:00 UTC, after FIRST publishes the day's EPSS scores.</summary>
    public const string DefaultCron = "0 0 6 * * ?";

    public bool Enabled { get; init; }

    /// <summary>EPSS file or URL; null means <see cref="FeedSettings.DefaultEpssLocation"/>.</summary>
    public string? Epss { get; init; }

    /// <summary>KEV catalog file or URL; null means <see cref="FeedSettings.DefaultKevLocation"/>.</summary>
    public string? Kev { get; init; }

    /// <summary>Interpreted in UTC.</summary>
    public string Cron { get; init; } = DefaultCron;

    /// <summary>Files and cached copies only (an air-gapped server fed by copying files).</summary>
    public bool Offline { get; init; }

    public static FeedScheduleOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new FeedScheduleOptions
        {
            Enabled = section.GetValue<bool>(nameof(Enabled)),
            Epss = Blank(section[nameof(Epss)]),
            Kev = Blank(section[nameof(Kev)]),
            Cron = Blank(section[nameof(Cron)]) ?? DefaultCron,
            Offline = section.GetValue<bool>(nameof(Offline)),
        };
    }

    /// <summary>The feed settings of the services: configured locations, the cache in the data folder.</summary>
    public FeedSettings Settings(string dataDirectory) => FeedSettings.InDataDirectory(dataDirectory) with
    {
        EpssLocation = Epss ?? FeedSettings.DefaultEpssLocation,
        KevLocation = Kev ?? FeedSettings.DefaultKevLocation,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
