namespace Rampart.Core.Feeds;

/// <summary>
/// What Rampart knows about one feed's source: where it was read from, the HTTP validators for the next conditional
/// download, and what the last load contained.
/// </summary>
public sealed class FeedState
{
    /// <summary>The feed's name: <see cref="FeedNames.Epss"/> or <see cref="FeedNames.Kev"/>.</summary>
    public required string Feed { get; set; }

    /// <summary>The URL or file path last read.</summary>
    public required string Location { get; set; }

    /// <summary>The ETag the server sent with the last download (sent back as If-None-Match).</summary>
    public string? ETag { get; set; }

    /// <summary>The Last-Modified the server sent (sent back as If-Modified-Since).</summary>
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>The last time the source was read or asked for changes.</summary>
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>The last time a load changed the stored data; null until one did.</summary>
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>EPSS: the latest score date loaded (yyyy-MM-dd); KEV: the catalogVersion.</summary>
    public string? Version { get; set; }

    /// <summary>Lower-case hex SHA-256 of the last file loaded.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Rows in the last file loaded.</summary>
    public int Records { get; set; }
}
