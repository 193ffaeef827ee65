using System.Diagnostics;
using System.Text.Json;
using Rampart.Testing;

namespace Rampart.Core.Tests.Cvss;

/// <summary>One line of tests/oracles/cvss/score.js output (ae-cvss-calculator 1.0.13).</summary>
internal sealed record OracleScore(bool Ok, string? Version, double? Base, double? Temporal, double? Environmental, double? Bt, double? Be, double? Bte, string? Error);

/// <summary>
/// Runs the reference implementation (npm ae-cvss-calculator 1.0.13, pinned in tests/oracles/cvss/package-lock.json)
/// once per batch of vectors. Without node or the oracle's node_modules the test is skipped, except in CI (CI=true).
/// </summary>
internal static class CvssOracle
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<OracleScore>> ScoreAsync(IReadOnlyList<string> vectors, CancellationToken cancellationToken)
    {
        var folder = RequireOracle();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add("score.js");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(string.Join('\n', vectors) + "\n");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(process.ExitCode == 0 && lines.Length == vectors.Count,
            $"The oracle (node score.js) exited with {process.ExitCode} after {lines.Length} of {vectors.Count} lines: {await errors}");
        return [.. lines.Select(line => JsonSerializer.Deserialize<OracleScore>(line, Json)!)];
    }

    private static string RequireOracle()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "oracles", "cvss");
        string? missing = null;
        if (!NodeRuns())
        {
            missing = "node is not installed (or not on PATH)";
        }
        else if (!Directory.Exists(Path.Combine(folder, "node_modules", "ae-cvss-calculator")))
        {
            missing = $"the oracle's node_modules are missing (run: npm ci --prefix {folder}, or build/test.sh)";
        }

        if (missing is not null)
        {
            var notice = $"SKIPPED: the CVSS differential test needs the reference implementation: {missing}.";
            if (TestEnvironment.IsCi)
            {
                Assert.Fail(notice.Replace("SKIPPED", "In CI the CVSS oracle is required", StringComparison.Ordinal));
            }

            Assert.Skip(notice);
        }

        return folder;
    }

    private static bool NodeRuns()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (node is null)
            {
                return false;
            }

            node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            return node.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rampart.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Rampart.slnx above {AppContext.BaseDirectory}.");
    }
}
