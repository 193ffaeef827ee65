using Rampart.Data;
using Rampart.Services.Imports;
using Rampart.Testing;
using Rampart.Web.Demo;

namespace Rampart.Web.Tests;

public sealed class DemoWorkspaceTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_ShippedDemo_ImportsEveryListedReportOnce(DatabaseProvider provider)
    {
        var demo = FindDemoDirectory();
        var listed = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(demo, DemoWorkspace.ManifestName))).RootElement.GetArrayLength();
        await using var host = await WebTestHost.StartAsync(provider);

        var first = await host.UseAsync<DemoWorkspace, IReadOnlyList<ImportResult>>(workspace => workspace.LoadAsync(demo));
        var second = await host.UseAsync<DemoWorkspace, IReadOnlyList<ImportResult>>(workspace => workspace.LoadAsync(demo));

        Assert.Equal(listed, first.Count);
        Assert.All(first, result => Assert.True(result.Findings > 0, $"The demo report for {result.Asset} should hold findings."));
        Assert.Empty(second); // its assets are there now: a restart with --demo imports nothing again
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Load_MissingManifest_SaysWhichFile(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var empty = Directory.CreateTempSubdirectory("rampart-no-demo-").FullName;

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            host.UseAsync<DemoWorkspace, IReadOnlyList<ImportResult>>(workspace => workspace.LoadAsync(empty)));

        Assert.Contains(Path.Combine(empty, DemoWorkspace.ManifestName), error.Message, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    /// <summary>The repository's demo/ folder (the one <c>rampart serve --demo</c> loads).</summary>
    private static string FindDemoDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
            {
                return Path.Combine(dir.FullName, "demo");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Rampart.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
