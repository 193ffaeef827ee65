using System.Net.Http.Headers;

namespace Rampart.Web.Tests;

/// <summary>Builds the multipart form of POST /api/v1/scans.</summary>
public static class Uploads
{
    public static MultipartFormDataContent Form(byte[] content, string fileName, string asset, string? format = null, string? scanDate = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(asset), "asset");
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }

        if (scanDate is not null)
        {
            form.Add(new StringContent(scanDate), "scanDate");
        }

        return form;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string corpusFile, string asset, string? format = null)
    {
        var path = Rampart.Testing.Corpus.File(corpusFile);
        return await client.PostAsync("/api/v1/scans", Form(await File.ReadAllBytesAsync(path), Path.GetFileName(path), asset, format));
    }
}
