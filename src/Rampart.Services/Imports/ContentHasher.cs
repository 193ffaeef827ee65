using System.IO.Hashing;
using System.Runtime.InteropServices;
using Rampart.Core.Ingest;

namespace Rampart.Services.Imports;

/// <summary>
/// A 64-bit hash of everything a report says about a finding. A rescan whose hash matches the stored one writes
/// nothing for that finding; this is what makes a reimport with few changes cost little more than parsing.
/// </summary>
internal static class ContentHasher
{
    public static long Hash(ReportedFinding reported)
    {
        var hash = new XxHash3();
        Add(ref hash, reported.Kind.ToString());
        Add(ref hash, reported.Tool);
        Add(ref hash, reported.Title);
        Add(ref hash, reported.Description);
        Add(ref hash, reported.RuleId);
        AddAll(ref hash, reported.VulnerabilityIds);
        AddAll(ref hash, reported.Cwes);
        AddAll(ref hash, reported.Tags);
        Add(ref hash, reported.ComponentPurl);
        Add(ref hash, reported.ComponentName);
        Add(ref hash, reported.ComponentVersion);
        Add(ref hash, reported.FixedVersion);
        Add(ref hash, reported.LocationPath);
        Add(ref hash, reported.StartLine?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(ref hash, reported.ToolSeverity.ToString());
        AddAll(ref hash, reported.CvssVectors);
        Add(ref hash, reported.Message);
        Add(ref hash, reported.Occurrences.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var evidence in reported.Evidence)
        {
            Add(ref hash, evidence.Label);
            Add(ref hash, evidence.Text);
        }

        return unchecked((long)hash.GetCurrentHashAsUInt64());
    }

    private static void AddAll(ref XxHash3 hash, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Add(ref hash, value);
        }

        Add(ref hash, "\u001e");
    }

    private static void Add(ref XxHash3 hash, string? value)
    {
        if (value is not null)
        {
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }

        hash.Append("\u001f"u8);
    }
}
