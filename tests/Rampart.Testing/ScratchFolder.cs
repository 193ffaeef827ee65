using System.IO.Compression;
using System.Text;

namespace Rampart.Testing;

/// <summary>A temporary folder for files a test writes (zips shaped like osv.dev's all.zip); removed on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-scratch-" + Guid.NewGuid().ToString("N"));

    /// <summary>A zip with one entry per (name, text), e.g. one OSV record per entry.</summary>
    public string Zip(string name, params (string Entry, string Text)[] entries)
    {
        var path = System.IO.Path.Combine(Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
