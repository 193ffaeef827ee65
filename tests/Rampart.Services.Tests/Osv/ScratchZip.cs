using System.IO.Compression;
using System.Text;

namespace Rampart.Services.Tests.Osv;

/// <summary>A temporary folder holding zips shaped like osv.dev's all.zip; removed on dispose.</summary>
internal sealed class ScratchZip : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-osv-" + Guid.NewGuid().ToString("N"));

    public ScratchZip() => Directory.CreateDirectory(Path);

    public string Zip(params (string Entry, string Json)[] entries)
    {
        var path = System.IO.Path.Combine(Path, "all.zip");
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
