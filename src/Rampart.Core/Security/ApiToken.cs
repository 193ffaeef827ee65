namespace Rampart.Core.Security;

/// <summary>An API token for CI and scripts. Only the SHA-256 of the secret is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the token ("rpt_ab12…"), so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the full token.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
