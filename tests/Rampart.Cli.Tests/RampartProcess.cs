using System.Diagnostics;

namespace Rampart.Cli.Tests;

/// <summary>Runs the real `rampart` executable (the CLI project's build output) as a child process.</summary>
internal static class RampartProcess
{
    internal sealed record Outcome(int ExitCode, string StdOut, string StdErr);

    private static readonly Lazy<string> Executable = new(FindExecutable);

    public static Task<Outcome> RunAsync(string database, params string[] args) => StartAsync(database, null, args);

    /// <summary>Runs rampart with <paramref name="stdin"/> as its standard input.</summary>
    public static Task<Outcome> RunWithInputAsync(string database, string stdin, params string[] args) => StartAsync(database, stdin, args);

    private static async Task<Outcome> StartAsync(string database, string? stdin, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--db");
        start.ArgumentList.Add(database);
        start.Environment.Remove("RAMPART_DB");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    // The test project references the CLI project, so its build output sits beside ours:
    // tests/Rampart.Cli.Tests/bin/<Configuration>/net10.0 → src/Rampart.Cli/bin/<Configuration>/net10.0/rampart.dll
    private static string FindExecutable()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var repository = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, "src", "Rampart.Cli", "bin", configuration, framework, "rampart.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The rampart executable was not built at {path}.");
    }
}
