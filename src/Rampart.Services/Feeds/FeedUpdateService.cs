using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Core.Feeds;
using Rampart.Data;
using Rampart.Services.Prioritization;

namespace Rampart.Services.Feeds;

/// <summary>
/// Updates the EPSS and KEV feeds from a file or an http(s) URL. A URL is fetched conditionally (the stored ETag and
/// Last-Modified): 304 only records the check; 200 is downloaded into the cache folder, loaded, and kept as the feed's
/// cached copy, which offline mode (and a later start without the network) reloads. Each load is one transaction;
/// a bad file throws <see cref="Ingest.ReportFormatException"/> naming the file and line, and changes nothing.
/// After a load that changed data, the registered <see cref="IReprioritizer"/> (if any) re-decides priorities.
/// </summary>
public sealed class FeedUpdateService(
    RampartDbContext db,
    FeedDownloader downloader,
    FeedSettings settings,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<FeedUpdateService> logger)
{
    /// <param name="location">A file path or http(s) URL; null means the stored location, else <see cref="FeedSettings.EpssLocation"/>.</param>
    /// <exception cref="FeedException">No such file, or offline without a cached copy of the URL.</exception>
    /// <exception cref="Ingest.ReportFormatException">The file is not a valid EPSS daily file.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task<FeedUpdateResult> UpdateEpssAsync(string? location, FeedUpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(FeedNames.Epss, location, options ?? FeedUpdateOptions.Online, EpssLoader.LoadAsync, cancellationToken);

    /// <param name="location">A file path or http(s) URL (JSON or CSV catalog); null means the stored location, else <see cref="FeedSettings.KevLocation"/>.</param>
    /// <exception cref="FeedException">No such file, or offline without a cached copy of the URL.</exception>
    /// <exception cref="Ingest.ReportFormatException">The file is not a valid KEV catalog.</exception>
    /// <exception cref="HttpRequestException">The download failed.</exception>
    public Task<FeedUpdateResult> UpdateKevAsync(string? location, FeedUpdateOptions? options = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(FeedNames.Kev, location, options ?? FeedUpdateOptions.Online, KevLoader.LoadAsync, cancellationToken);

    private async Task<FeedUpdateResult> UpdateAsync(
        string feed,
        string? location,
        FeedUpdateOptions options,
        Func<RampartDbContext, FeedLoad, CancellationToken, Task<FeedUpdateResult>> load,
        CancellationToken cancellationToken)
    {
        var state = await db.FeedStates.SingleOrDefaultAsync(s => s.Feed == feed, cancellationToken);
        var where = string.IsNullOrWhiteSpace(location) ? state?.Location ?? settings.DefaultLocation(feed) : location.Trim();
        var url = FeedLocation.Url(where);
        var source = url is null ? Path.GetFullPath(where) : url.AbsoluteUri;
        var now = clock.GetUtcNow();
        var sameSource = state is not null && state.Location == source;
        if (state is null)
        {
            state = new FeedState { Feed = feed, Location = source, CheckedAt = now };
            db.FeedStates.Add(state);
        }

        string path;
        string readFrom;
        string? download = null;
        var cached = settings.CachedCopy(feed);
        if (url is null)
        {
            path = source;
            readFrom = "file";
            if (!File.Exists(path))
            {
                throw new FeedException($"{where}: no such file.");
            }
        }
        else if (options.Offline)
        {
            path = cached;
            readFrom = "cache";
            if (!sameSource || !File.Exists(cached))
            {
                throw new FeedException($"{source}: offline, and there is no cached copy of this {feed} feed; update it online once, or give a file.");
            }
        }
        else
        {
            Directory.CreateDirectory(settings.CacheDirectory);
            download = Path.Combine(settings.CacheDirectory, $"{feed}-{Guid.NewGuid():N}.part");
            FeedDownload fetched;
            try
            {
                fetched = await downloader.DownloadAsync(url, sameSource ? state.ETag : null, sameSource ? state.LastModified : null, download, cancellationToken);
            }
            catch
            {
                File.Delete(download); // a partial download is never loaded nor kept
                db.ChangeTracker.Clear();
                throw;
            }

            if (fetched.NotModified)
            {
                state.CheckedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new FeedUpdateResult(feed, FeedOutcome.NotModified, source, state.Version, state.Records, "not modified (304) since the last download; nothing changed")
                {
                    ReadFrom = "download",
                };
            }

            state.ETag = fetched.ETag;
            state.LastModified = fetched.LastModified;
            path = download;
            readFrom = "download";
        }

        state.Location = source;
        try
        {
            var result = await load(db, new FeedLoad(path, url is null ? where : source, state, now), cancellationToken) with { Location = source };
            if (download is not null)
            {
                File.Move(download, cached, overwrite: true);
            }

            logger.LogInformation("Feed {Feed} from {Location}: {Message}", feed, source, result.Message);
            return await ReprioritizeAsync(result, cancellationToken) with { ReadFrom = readFrom };
        }
        finally
        {
            db.ChangeTracker.Clear(); // a failed load leaves nothing tracked for the next use of the scope
            if (download is not null && File.Exists(download))
            {
                File.Delete(download);
            }
        }
    }

    /// <summary>Only a load that wrote data re-decides priorities; the re-prioritizer is optional (registered by the host).</summary>
    private async Task<FeedUpdateResult> ReprioritizeAsync(FeedUpdateResult result, CancellationToken cancellationToken)
    {
        if (result.Outcome != FeedOutcome.Loaded || services.GetService<IReprioritizer>() is not { } reprioritizer)
        {
            return result;
        }

        var outcome = await reprioritizer.ReprioritizeAsync(new ReprioritizationRequest($"feed:{result.Feed} {result.Version}"), cancellationToken);
        return result with { Reprioritization = outcome };
    }
}
