using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Security;

/// <summary>Web users; passwords hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2).</summary>
public sealed class UserService(RampartDbContext db, TimeProvider clock)
{
    /// <summary>On an empty user table, creates "admin" with a random one-time password and returns it; otherwise null.</summary>
    public Task<string?> EnsureAdminAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The user when the password matches; null otherwise (same timing for unknown users).</summary>
    public Task<User?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Sets a new password (at least 12 characters) and clears MustChangePassword.</summary>
    public Task ChangePasswordAsync(long userId, string newPassword, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Creates a user (used by tests and a later admin page).</summary>
    public Task<User> CreateAsync(string userName, string password, bool isAdmin, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
