namespace Rampart.Core.Security;

/// <summary>A person who signs in to the web UI.</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>An ASP.NET Core Identity v3 password hash (PBKDF2); never the password.</summary>
    public required string PasswordHash { get; set; }

    public bool IsAdmin { get; set; }

    /// <summary>Set for a generated first password: the user is asked to change it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
