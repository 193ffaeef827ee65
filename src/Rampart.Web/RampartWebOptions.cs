using Rampart.Data;

namespace Rampart.Web;

/// <summary>How to run the Rampart web host; filled by <c>rampart serve</c> or by Program from configuration.</summary>
public sealed record RampartWebOptions
{
    /// <summary>The default upload limit: 512 MiB.</summary>
    public const long DefaultMaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>The database; null resolves RAMPART_DB from configuration, else SQLite in <see cref="DataDirectory"/>.</summary>
    public DatabaseTarget? Database { get; init; }

    /// <summary>Where the default SQLite file and the data-protection keys live (default: ./data).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>URLs to listen on, e.g. "http://127.0.0.1:5080"; null keeps ASP.NET Core's defaults (ASPNETCORE_URLS, --urls).</summary>
    public string? Urls { get; init; }

    /// <summary>Load the demo workspace from <see cref="DemoDirectory"/> on start.</summary>
    public bool Demo { get; init; }

    /// <summary>The folder holding demo.json and its reports (default: ./demo).</summary>
    public string? DemoDirectory { get; init; }

    /// <summary>Largest scan upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 10;

    /// <summary>Persist data-protection keys (cookie encryption) in DataDirectory/keys; off keeps ASP.NET Core's default store.</summary>
    public bool PersistDataProtectionKeys { get; init; } = true;

    /// <summary>The clock; null means TimeProvider.System.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Where the one-time admin password is printed (default: Console.Out). Never the logger.</summary>
    public TextWriter? Console { get; init; }

    internal string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "data"));

    internal string ResolvedDemoDirectory => Path.GetFullPath(DemoDirectory ?? Path.Combine(Directory.GetCurrentDirectory(), "demo"));
}
