namespace Rampart.Web.Apis;

/// <summary>Imports need a seekable stream (format detection reads the start twice); uploads are buffered if they are not.</summary>
public static class SeekableUpload
{
    public static async Task<Stream> OpenAsync(IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var upload = file.OpenReadStream();
        if (upload.CanSeek)
        {
            return upload; // the form reader already buffered it (in memory, or on disk when large)
        }

        await using (upload)
        {
            var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await upload.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return buffer;
        }
    }
}
