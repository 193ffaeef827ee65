namespace Rampart.Core.Security;

/// <summary>A person who signs in to the web UI.</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>An ASP.NET Core Identity v3 password hash (PBKDF2); never the password.</summary>
    public required string PasswordHash { get; set; }

    public bool IsAdmin { get; set; }

    /// <summary>Where e-mail notifications go; none without it.</summary>
    public string? Email { get; set; }

    /// <summary>Set for a generated first password: the user is asked to change it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Roles, space-separated (see <see cref="Roles"/>): "approver", "security-lead".</summary>
    public string RoleList { get; set; } = "";

    /// <summary>Teams the person belongs to, space-separated (asset owner teams use the same names).</summary>
    public string TeamList { get; set; } = "";

    public bool HasRole(string role) => (IsAdmin && role == Roles.Admin) || Findings.ValueList.Split(RoleList).Contains(role, StringComparer.Ordinal);
}

/// <summary>The roles a user can hold.</summary>
public static class Roles
{
    public const string Admin = "admin";

    /// <summary>May approve a policy version (not one they wrote).</summary>
    public const string Approver = "approver";

    /// <summary>Runs the TVM programme: may approve exemptions and risk acceptances the policy gives to this role.</summary>
    public const string SecurityLead = "security-lead";

    /// <summary>Leads a team: escalations at the due date go to the leads of the finding's owner team.</summary>
    public const string TeamLead = "team-lead";

    public static IReadOnlyList<string> All { get; } = [Admin, Approver, SecurityLead, TeamLead];
}
