using Rampart.Core.Feeds;

namespace Rampart.Services.Feeds;

/// <summary>
/// One local file to load into a feed: <paramref name="Name"/> is how errors name it (the path given, or the URL it
/// was downloaded from). <paramref name="State"/> is tracked by the context and saved in the load's transaction.
/// </summary>
internal sealed record FeedLoad(string Path, string Name, FeedState State, DateTimeOffset Now)
{
    public FileStream Open() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
