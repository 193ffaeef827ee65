using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Security;

/// <summary>A newly created token; <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedToken(long Id, string Name, string Token, DateTimeOffset CreatedAt);

/// <summary>API tokens: "rpt_" + 32 random bytes (base64url); only their SHA-256 is stored.</summary>
public sealed class TokenService(RampartDbContext db, TimeProvider clock)
{
    public Task<CreatedToken> CreateAsync(string name, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The token's record when the token is valid and not revoked; records its last use.</summary>
    public Task<ApiToken?> ValidateAsync(string token, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
