using Rampart.Core.Assets;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.CycloneDx;

/// <summary>A CycloneDX component as inventory: a <see cref="ReportedComponent"/>, and for ML-BOMs a <see cref="ReportedAiAsset"/>.</summary>
internal static class CycloneDxInventory
{
    /// <summary>"group/name" as purl-spec spells namespace and name ("@babel/core", "CompVis/stable-diffusion"), or the name alone.</summary>
    public static string? Name(CdxNode component)
    {
        var name = ScannerText.Short(component.Text("name"));
        return ScannerText.Short(component.Text("group")) is { } group && name is not null ? ScannerText.Short($"{group}/{name}") : name;
    }

    /// <summary>Null for a component without a name (the schema requires one).</summary>
    public static ReportedComponent? ToComponent(CdxNode component, string? name) =>
        name is null
            ? null
            : new ReportedComponent
            {
                Name = name,
                Version = ScannerText.Short(component.Text("version")),
                Purl = ScannerText.Short(component.Text("purl")),
                Type = ScannerText.Short(component.Text("type")),
                Supplier = ScannerText.Short(component.Text("supplier", "name") ?? component.Text("manufacturer", "name") ?? component.Text("publisher")),
                License = ScannerText.Short(License(component)),
                Cpe = ScannerText.Short(component.Text("cpe")),
            };

    /// <summary>
    /// Components of type <c>machine-learning-model</c> and <c>data</c> (CycloneDX 1.5+). Datasets written inline in a
    /// model card (<c>modelParameters.datasets</c>) are named in the model card but not made assets: they are
    /// descriptions of training data, often with placeholder names, not components the BOM inventories.
    /// </summary>
    public static ReportedAiAsset? ToAiAsset(CdxNode component, string? name, Func<string, string?> datasetName)
    {
        var kind = component.Text("type") switch
        {
            "machine-learning-model" => AssetKind.Model,
            "data" => AssetKind.Dataset,
            _ => (AssetKind?)null,
        };
        if (kind is null || name is null)
        {
            return null;
        }

        return new ReportedAiAsset
        {
            Name = name,
            Version = ScannerText.Short(component.Text("version")),
            Kind = kind.Value,
            Layer = AssetLayer.Model,
            UpstreamProvider = ScannerText.Short(
                component.Text("supplier", "name")
                ?? component.Text("publisher")
                ?? component.Text("manufacturer", "name")
                ?? JoinOrNull(component.Items("authors").Select(a => a.Text("name")))
                ?? component.Text("author")),
            Purl = ScannerText.Short(component.Text("purl")),
            Description = ScannerText.Long(component.Text("description")),
            ModelCard = component.Get("modelCard") is { } card ? ModelCard(card, datasetName) : null,
        };
    }

    /// <summary>The license expression when one is given, else the first license id (or name, which tools such as Trivy use for ids).</summary>
    private static string? License(CdxNode component)
    {
        string? first = null;
        foreach (var item in component.Items("licenses"))
        {
            // JSON: [{"license": {"id"}}, {"expression"}]; XML: <licenses><license><id/></license><expression/></licenses>.
            var expression = item.ItemName == "expression" ? item.Value : item.Text("expression");
            if (expression is not null)
            {
                return expression;
            }

            var license = item.ItemName == "license" ? item : item.Get("license");
            first ??= license?.Text("id") ?? license?.Text("name");
        }

        return first;
    }

    /// <summary>The model card's facts as "key: value" lines (CycloneDX 1.5+ modelCard), clipped as one long text.</summary>
    private static string? ModelCard(CdxNode card, Func<string, string?> datasetName)
    {
        var lines = new List<string>();

        void Add(string key, string? value)
        {
            if (ScannerText.Short(value) is { } text)
            {
                lines.Add($"{key}: {text}");
            }
        }

        if (card.Get("modelParameters") is { } parameters)
        {
            Add("approach", parameters.Text("approach", "type"));
            Add("task", parameters.Text("task"));
            Add("architecture family", parameters.Text("architectureFamily"));
            Add("model architecture", parameters.Text("modelArchitecture"));
            foreach (var dataset in parameters.Items("datasets"))
            {
                Add("dataset", dataset.Text("name") ?? (dataset.Text("ref") is { } reference ? datasetName(reference) : null));
            }

            Add("inputs", JoinOrNull(parameters.Items("inputs").Select(i => i.Text("format"))));
            Add("outputs", JoinOrNull(parameters.Items("outputs").Select(o => o.Text("format"))));
        }

        foreach (var metric in card.Get("quantitativeAnalysis")?.Items("performanceMetrics") ?? [])
        {
            if ((metric.Text("type") ?? metric.Text("value")) is null)
            {
                continue;
            }

            var slice = metric.Text("slice") is { } s ? $" (slice: {s})" : "";
            var interval = metric.Get("confidenceInterval") is { } ci && (ci.Text("lowerBound") ?? ci.Text("upperBound")) is not null
                ? $" [{ci.Text("lowerBound")}, {ci.Text("upperBound")}]"
                : "";
            Add("performance metric", $"{metric.Text("type")} = {metric.Text("value")}{interval}{slice}");
        }

        if (card.Get("considerations") is { } considerations)
        {
            foreach (var useCase in considerations.Texts("useCases"))
            {
                Add("use case", useCase);
            }

            foreach (var limitation in considerations.Texts("technicalLimitations"))
            {
                Add("technical limitation", limitation);
            }

            foreach (var ethical in considerations.Items("ethicalConsiderations"))
            {
                var mitigation = ethical.Text("mitigationStrategy") is { } m ? $" (mitigation: {m})" : "";
                Add("ethical consideration", ethical.Text("name") is { } risk ? risk + mitigation : null);
            }
        }

        return ScannerText.Long(string.Join('\n', lines));
    }

    private static string? JoinOrNull(IEnumerable<string?> values)
    {
        var present = values.Select(ScannerText.Short).OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }
}
