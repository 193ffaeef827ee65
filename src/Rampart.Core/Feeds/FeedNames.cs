namespace Rampart.Core.Feeds;

/// <summary>The feeds Rampart loads, by the names stored in <see cref="FeedState.Feed"/>.</summary>
public static class FeedNames
{
    public const string Epss = "epss";

    public const string Kev = "kev";

    public static IReadOnlyList<string> All { get; } = [Epss, Kev];
}
