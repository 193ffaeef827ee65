using System.Text;
using Rampart.Core.Ingest;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.AiTaxonomy;

/// <summary>
/// At most <see cref="Limit"/> example attacks for one finding, each already cleaned and clipped, so that memory
/// per finding stays bounded however many attempts the report holds.
/// </summary>
internal sealed class RedTeamExamples
{
    public const int Limit = 3;

    /// <summary>Each part of an example is clipped to this length so that a long prompt does not hide the output.</summary>
    private const int PartLength = 1200;

    private readonly List<Evidence> _items = new(Limit);

    public bool IsFull => _items.Count >= Limit;

    public IReadOnlyList<Evidence> Items => _items;

    /// <summary>Adds an example unless <see cref="Limit"/> are kept already; parts that are null are left out.</summary>
    public void Add(string label, params (string Name, string? Text)[] parts)
    {
        if (IsFull)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            if (Clip(value) is not { } clipped)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(name).Append(":\n").Append(clipped);
        }

        if (ScannerText.Long(text.ToString()) is { } evidence)
        {
            _items.Add(new Evidence(ScannerText.Short(label) ?? "example", evidence));
        }
    }

    private static string? Clip(string? text)
    {
        var clean = ScannerText.Long(text);
        return clean is null || clean.Length <= PartLength
            ? clean
            : string.Concat(clean.AsSpan(0, char.IsHighSurrogate(clean[PartLength - 2]) ? PartLength - 2 : PartLength - 1), "…");
    }
}
