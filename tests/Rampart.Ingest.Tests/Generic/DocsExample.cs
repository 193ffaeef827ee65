namespace Rampart.Ingest.Tests.Generic;

/// <summary>The example reports of docs/formats/examples, read where they are so the documentation and the tests cannot drift apart.</summary>
internal static class DocsExample
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
            {
                return Path.Combine(dir.FullName, "docs", "formats", "examples", name);
            }
        }

        throw new DirectoryNotFoundException("The repository root (Rampart.slnx) was not found above " + AppContext.BaseDirectory);
    }

    public static async Task<ReadOutcome> ReadAsync(string name, Core.Findings.ReportFormat format = Core.Findings.ReportFormat.Auto)
    {
        await using var stream = System.IO.File.OpenRead(File(name));
        return await ReportFile.ReadAsync(stream, name, format);
    }

    public static Core.Findings.ReportFormat Detect(string name)
    {
        using var stream = System.IO.File.OpenRead(File(name));
        return ReportReaders.Detect(stream, name);
    }
}
