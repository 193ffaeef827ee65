using System.Text.Json;
using System.Text.Json.Nodes;
using Rampart.Testing;

namespace Rampart.Services.Tests.Support;

/// <summary>Small reports derived in memory from real corpus files (the corpus files themselves are never changed or copied).</summary>
public static class ReportVariants
{
    public const string TrivyAlpine = "trivy/schema2_image_alpine-310.json";

    public const string Gosec = "sarif/gosec.sarif";

    public static byte[] Bytes(string corpusPath) => File.ReadAllBytes(Corpus.File(corpusPath));

    /// <summary>The first <paramref name="fraction"/> of a real file's bytes: a report cut off mid-way.</summary>
    public static byte[] Truncated(string corpusPath, double fraction = 0.5)
    {
        var bytes = Bytes(corpusPath);
        return bytes[..(int)(bytes.Length * fraction)];
    }

    public static byte[] Edit(string corpusPath, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(Bytes(corpusPath))!;
        edit(root);
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    /// <summary>The vulnerabilities of the Trivy alpine report (one result, four distinct findings).</summary>
    public static JsonArray TrivyVulnerabilities(JsonNode report) => report["Results"]![0]!["Vulnerabilities"]!.AsArray();

    /// <summary>A copy of a Trivy vulnerability under another id: a different weakness in the same package.</summary>
    public static JsonNode TrivyVulnerabilityLike(JsonNode template, string id, string title)
    {
        var copy = template.DeepClone();
        copy["VulnerabilityID"] = id;
        copy["Title"] = title;
        copy.AsObject().Remove("Fingerprint");
        copy.AsObject().Remove("References");
        copy["PrimaryURL"] = $"https://example.test/{id}";
        return copy;
    }
}
