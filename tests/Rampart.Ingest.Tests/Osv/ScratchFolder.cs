using System.IO.Compression;
using System.Text;

namespace Rampart.Ingest.Tests.Osv;

/// <summary>A temporary folder for zips made by tests; removed on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-osv-" + Guid.NewGuid().ToString("N"));

    public ScratchFolder() => Directory.CreateDirectory(Path);

    /// <summary>A zip like osv.dev's all.zip: one JSON record per entry.</summary>
    public string Zip(string name, params (string Entry, string Json)[] entries)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, json) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(json));
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
