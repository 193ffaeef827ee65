namespace Rampart.Services.Delivery.Email;

/// <summary>SMTP delivery, <c>Rampart:Delivery:Email</c>; on when <see cref="Host"/> is set.</summary>
public sealed record EmailOptions
{
    public string? Host { get; init; }

    /// <summary>587 (submission with STARTTLS) unless set.</summary>
    public int Port { get; init; } = 587;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Sign in with this user when set (with <see cref="Password"/>).</summary>
    public string? UserName { get; init; }

    /// <summary>Never logged, never stored in the database.</summary>
    public string? Password { get; init; }

    /// <summary>The sender, "Rampart &lt;rampart@example.com&gt;" or an address.</summary>
    public string? From { get; init; }

    /// <summary>Addresses of SSRM parties ("model-provider" → "security@vendor.example") for notifications to "party:NAME".</summary>
    public IDictionary<string, string> Parties { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: only for a relay on this machine or a test receiver.</summary>
    None,
}
