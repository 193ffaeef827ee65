using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>
/// The database as a new user names it: a plain SQLite file path, so connections are pooled (the test databases turn
/// pooling off). A pooled connection that already used temporary storage once made the import's
/// <c>PRAGMA temp_store</c> fail inside its transaction ("temporary storage cannot be changed from within a transaction").
/// </summary>
public sealed class PooledSqliteImportTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Import_IntoAPlainFilePath_Succeeds()
    {
        var database = Path.Combine(_scratch.Path, "rampart.db");

        // Trivy's alpine 3.10 scan (corpus): 4 vulnerabilities.
        var outcome = await RampartProcess.RunAsync(database, "import", Corpus.File("trivy/schema2_image_alpine-310.json"), "--asset", "alpine");
        var again = await RampartProcess.RunAsync(database, "import", Corpus.File("trivy/schema2_image_alpine-310.json"), "--asset", "alpine-2");

        Assert.True(outcome.ExitCode == 0, outcome.StdErr);
        Assert.Contains("4 findings — 4 new", outcome.StdOut, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.StdErr);
    }
}
