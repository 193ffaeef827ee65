using Xunit;

namespace Rampart.Testing;

/// <summary>
/// The shared corpus of real tool output (../shared/corpus beside the repository, or RAMPART_CORPUS).
/// Files are read in place, never copied. Outside CI a missing corpus skips the test with a visible notice;
/// in CI (CI=true) it fails, because no corpus test may be skipped there.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string? RootDirectory => Root.Value;

    /// <summary>The full path of a corpus file, e.g. <c>Corpus.File("sarif/gosec.sarif")</c>.</summary>
    public static string File(string relativePath)
    {
        var root = RequireRoot();
        var path = Path.Combine(root, relativePath);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Corpus file '{relativePath}' is not in {root}.", path);
        }

        return path;
    }

    /// <summary>Every file in a corpus folder, sorted by name.</summary>
    public static IReadOnlyList<string> Folder(string folder)
    {
        var root = RequireRoot();
        return [.. Directory.GetFiles(Path.Combine(root, folder)).Order(StringComparer.Ordinal)];
    }

    private static string RequireRoot()
    {
        if (Root.Value is { } root)
        {
            return root;
        }

        const string notice = "SKIPPED: the shared corpus was not found (set RAMPART_CORPUS or put shared/corpus beside the repository).";
        if (TestEnvironment.IsCi)
        {
            Assert.Fail(notice.Replace("SKIPPED", "In CI the corpus is required", StringComparison.Ordinal));
        }

        Assert.Skip(notice);
        return ""; // not reached: Assert.Skip throws
    }

    private static string? FindRoot()
    {
        if (Environment.GetEnvironmentVariable("RAMPART_CORPUS") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus");
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
