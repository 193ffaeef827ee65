using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;
using Rampart.Services.Feeds;
using Rampart.Services.Prioritization;
using Rampart.Services.Tests.Support;

namespace Rampart.Services.Tests.Feeds;

/// <summary>A service harness with the feed cache in a temporary folder and a recording re-prioritizer.</summary>
public sealed class FeedHarness : IAsyncDisposable
{
    private FeedHarness(ServiceHarness services, string folder, RecordingReprioritizer reprioritizer)
    {
        Services = services;
        Folder = folder;
        Reprioritizer = reprioritizer;
    }

    public ServiceHarness Services { get; }

    /// <summary>A scratch folder; the feed cache is its feeds/ subfolder.</summary>
    public string Folder { get; }

    public RecordingReprioritizer Reprioritizer { get; }

    public static async Task<FeedHarness> CreateAsync(DatabaseProvider provider, bool withReprioritizer = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rampart-feed-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var reprioritizer = new RecordingReprioritizer();
        var services = await ServiceHarness.CreateAsync(provider, collection =>
        {
            collection.AddSingleton(FeedSettings.InDataDirectory(folder));
            if (withReprioritizer)
            {
                collection.AddSingleton<IReprioritizer>(reprioritizer);
            }
        });
        return new FeedHarness(services, folder, reprioritizer);
    }

    public Task<FeedUpdateResult> EpssAsync(string location, bool offline = false) =>
        Services.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateEpssAsync(location, new FeedUpdateOptions(offline), TestContext.Current.CancellationToken));

    public Task<FeedUpdateResult> KevAsync(string location, bool offline = false) =>
        Services.RunAsync<FeedUpdateService, FeedUpdateResult>(s => s.UpdateKevAsync(location, new FeedUpdateOptions(offline), TestContext.Current.CancellationToken));

    public Task<T> QueryAsync<T>(Func<FeedQueries, Task<T>> query) => Services.RunAsync(query);

    /// <summary>Rows per feed table, to prove a refused file changed nothing.</summary>
    public Task<(int Scores, int Days, int Kev, int States)> CountAsync() => Services.WithDbAsync(async db => (
        await db.EpssScores.CountAsync(TestContext.Current.CancellationToken),
        await db.EpssDays.CountAsync(TestContext.Current.CancellationToken),
        await db.KevEntries.CountAsync(TestContext.Current.CancellationToken),
        await db.FeedStates.CountAsync(TestContext.Current.CancellationToken)));

    /// <summary>Writes a scratch file and returns its path.</summary>
    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}
