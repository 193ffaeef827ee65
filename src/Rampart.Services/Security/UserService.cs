using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Findings;
using Rampart.Core.Security;
using Rampart.Data;

namespace Rampart.Services.Security;

/// <summary>Web users; passwords hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2).</summary>
public sealed class UserService(RampartDbContext db, TimeProvider clock, IPasswordHasher<User> hasher)
{
    public const string AdminUserName = "admin";

    public const int MinimumPasswordLength = 12;

    private const int GeneratedPasswordLength = 20;

    // RFC 5321 §4.5.3.1: a 64-octet local part, "@" and a 255-octet domain.
    private const int MaxEmailLength = 320;

    // No look-alike characters (0/O, 1/l/I): the one-time password is read off a console and typed.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // Hashing a password for an unknown user costs what verifying a real one costs, so timing does not tell
    // which user names exist.
    private static readonly User TimingDummy = new() { UserName = "", PasswordHash = "" };

    public UserService(RampartDbContext db, TimeProvider clock)
        : this(db, clock, new PasswordHasher<User>())
    {
    }

    /// <summary>On an empty user table, creates "admin" with a random one-time password and returns it; otherwise null.</summary>
    public async Task<string?> EnsureAdminAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var password = RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);
        var admin = NewUser(AdminUserName, password, isAdmin: true);
        admin.MustChangePassword = true;
        db.Users.Add(admin);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node started at the same time and created the admin first; its password is the one printed.
            db.Entry(admin).State = EntityState.Detached;
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return null;
            }

            throw;
        }

        return password;
    }

    /// <summary>The user when the password matches; null otherwise (same timing for unknown users).</summary>
    public async Task<User?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        var user = string.IsNullOrEmpty(userName)
            ? null
            : await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            hasher.HashPassword(TimingDummy, password);
            return null;
        }

        switch (hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                user.PasswordHash = hasher.HashPassword(user, password);
                await db.SaveChangesAsync(cancellationToken);
                return user;
            default:
                return null;
        }
    }

    /// <summary>Sets a new password (at least 12 characters) and clears MustChangePassword.</summary>
    /// <exception cref="ArgumentException">The password is shorter than 12 characters.</exception>
    /// <exception cref="InvalidOperationException">There is no user with this id.</exception>
    public async Task ChangePasswordAsync(long userId, string newPassword, CancellationToken cancellationToken = default)
    {
        RequireStrongEnough(newPassword, nameof(newPassword));
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no user with id {userId}.");
        user.PasswordHash = hasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates a user (used by tests and a later admin page).</summary>
    /// <exception cref="ArgumentException">The user name is empty or too long, or the password is shorter than 12 characters.</exception>
    public async Task<User> CreateAsync(string userName, string password, bool isAdmin, CancellationToken cancellationToken = default)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ColumnLengths.Name)
        {
            throw new ArgumentException($"A user name must be 1 to {ColumnLengths.Name} characters.", nameof(userName));
        }

        RequireStrongEnough(password, nameof(password));
        var user = NewUser(name, password, isAdmin);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Sets a user's roles and teams (replacing both).</summary>
    /// <exception cref="ArgumentException">The user does not exist, a role is unknown or a team name is not a word.</exception>
    public async Task<User> SetAccessAsync(string userName, IEnumerable<string> roles, IEnumerable<string> teams, CancellationToken cancellationToken = default)
    {
        var roleList = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (roleList.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a role; roles are {string.Join(", ", Roles.All)}.", nameof(roles));
        }

        var teamList = teams.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (teamList.FirstOrDefault(t => t.Length > 100 || !t.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a team name: letters, digits, '-', '_' and '.', at most 100.", nameof(teams));
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new ArgumentException($"There is no user {userName}.", nameof(userName));
        user.IsAdmin = user.IsAdmin || roleList.Contains(Roles.Admin, StringComparer.Ordinal);
        user.RoleList = ValueList.Join(roleList.Where(r => r != Roles.Admin));
        user.TeamList = ValueList.Join(teamList);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>Sets (or, with null or blank, clears) where a user's e-mail notifications go.</summary>
    /// <exception cref="ArgumentException">The user does not exist or the address is not one.</exception>
    public async Task<User> SetEmailAsync(string userName, string? email, CancellationToken cancellationToken = default)
    {
        var address = CheckEmail(email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken)
            ?? throw new ArgumentException($"There is no user {userName}.", nameof(userName));
        user.Email = address;
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    /// <summary>The address trimmed, null for blank.</summary>
    /// <exception cref="ArgumentException">It is not a plain address (name@example.com).</exception>
    public static string? CheckEmail(string? email)
    {
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && (address.Length > MaxEmailLength || !address.Contains('@', StringComparison.Ordinal)
            || !MimeKit.MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address))
        {
            throw new ArgumentException($"'{address}' is not an e-mail address (write name@example.com, at most {MaxEmailLength} characters).", nameof(email));
        }

        return address;
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);

    private User NewUser(string userName, string password, bool isAdmin)
    {
        var user = new User { UserName = userName, PasswordHash = "", IsAdmin = isAdmin, CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        return user;
    }

    private static void RequireStrongEnough(string? password, string parameterName)
    {
        if (password is null || password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"A password must have at least {MinimumPasswordLength} characters.", parameterName);
        }
    }
}
