using Rampart.Services.Prioritization;

namespace Rampart.Services.Feeds;

/// <param name="Offline">Read files only: a URL location is served from the feed's cached copy, never fetched.</param>
public sealed record FeedUpdateOptions(bool Offline = false)
{
    public static FeedUpdateOptions Online { get; } = new();
}

public enum FeedOutcome
{
    /// <summary>New data was written.</summary>
    Loaded,

    /// <summary>The file held what is already loaded (same EPSS score date, same KEV catalog), or an older KEV catalog.</summary>
    Unchanged,

    /// <summary>The server answered 304 Not Modified to the conditional request.</summary>
    NotModified,
}

/// <summary>What one feed update did.</summary>
/// <param name="Version">EPSS: the file's score date (yyyy-MM-dd); KEV: its catalogVersion. For 304, what is stored.</param>
/// <param name="Records">Rows in the file (EPSS scores, KEV entries); for 304, the stored count.</param>
/// <param name="Message">One line for people, e.g. "loaded 300,000 EPSS scores for 2026-09-29 (model v2026.06.15)".</param>
/// <param name="Reprioritization">What re-deciding priorities did after a load that changed data; null when nothing changed or no re-prioritizer is registered.</param>
public sealed record FeedUpdateResult(
    string Feed,
    FeedOutcome Outcome,
    string Location,
    string? Version,
    int Records,
    string Message,
    ReprioritizationResult? Reprioritization = null)
{
    /// <summary>KEV only: entries new in this catalog.</summary>
    public int Added { get; init; }

    /// <summary>KEV only: entries whose text changed.</summary>
    public int Changed { get; init; }

    /// <summary>KEV only: entries the catalog no longer lists (deleted).</summary>
    public int Removed { get; init; }

    /// <summary>Where the bytes came from: "file", "download" or "cache" (offline, the copy of the last download).</summary>
    public string ReadFrom { get; init; } = "file";
}

/// <summary>A feed update refused before anything was written: no such file, offline without a cached copy, a bad location.</summary>
public sealed class FeedException(string message) : Exception(message)
{
    public FeedException()
        : this("The feed update was refused.")
    {
    }

    public FeedException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}
