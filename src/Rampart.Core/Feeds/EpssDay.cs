namespace Rampart.Core.Feeds;

/// <summary>One loaded EPSS daily file: which model scored it, how many rows it had, and the file's hash.</summary>
public sealed class EpssDay
{
    public DateOnly ScoreDate { get; set; }

    /// <summary>The model named in the file's comment line, e.g. "v2025.03.14".</summary>
    public required string ModelVersion { get; set; }

    public int Rows { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file as read (compressed bytes for a .gz).</summary>
    public required string Sha256 { get; set; }
}
