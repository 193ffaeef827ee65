using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Security;

/// <summary>A newly created token; <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedToken(long Id, string Name, string Token, DateTimeOffset CreatedAt);

/// <summary>API tokens: "rpt_" + 32 random bytes (base64url); only their SHA-256 is stored.</summary>
public sealed class TokenService(RampartDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "rpt_";

    private const int PrefixLength = 8;

    // Recording every use would turn each API call into a write; a minute is precise enough to spot stale tokens.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <exception cref="ArgumentException">The name is empty or longer than 200 characters.</exception>
    public async Task<CreatedToken> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > ColumnLengths.Name)
        {
            throw new ArgumentException($"A token name must be 1 to {ColumnLengths.Name} characters.", nameof(name));
        }

        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            Name = trimmed,
            Prefix = token[..PrefixLength],
            Hash = Hash(token),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(record.Id, record.Name, token, record.CreatedAt);
    }

    /// <summary>The token's record when the token is valid and not revoked; records its last use.</summary>
    public async Task<ApiToken?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        // The lookup is by hash, so comparing secrets in fixed time is not needed: a timing difference reveals
        // at most a prefix of a SHA-256, not of the token.
        var hash = Hash(token);
        var record = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (record is null || record.RevokedAt is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (record.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            record.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return record;
    }

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes: what is stored in <see cref="ApiToken.Hash"/>.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
