using Rampart.Core.Findings;
using Rampart.Core.Prioritization.Ssvc;

namespace Rampart.Services.Imports.Bulk;

/// <summary>Receives one row's values in column order, typed, so nothing is boxed or reflected per value.</summary>
internal interface IRowWriter
{
    void Text(string? value);

    void Int64(long value);

    void NullableInt64(long? value);

    void Int32(int? value);

    void Double(double? value);

    void Boolean(bool value);

    void Date(DateTimeOffset? value);

    /// <summary>A calendar day (EF's DateOnly: PostgreSQL date, SQLite text yyyy-MM-dd).</summary>
    void Day(DateOnly? value);
}

/// <summary>
/// The hot tables' columns, written by hand for speed (the import writes millions of these rows). A test compares
/// <see cref="Columns"/> with the EF model's columns on both providers, so a model change cannot silently skip one.
/// </summary>
internal abstract class RowShape<T>
{
    public abstract string Table { get; }

    public abstract IReadOnlyList<string> Columns { get; }

    public abstract void Write(T row, IRowWriter writer);
}

internal sealed class FindingRows : RowShape<Finding>
{
    public static FindingRows Instance { get; } = new();

    public override string Table => "Findings";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "Id", "AssetId", "Fingerprint", "FingerprintKey", "Kind", "Title", "Description", "RuleId", "VulnerabilityIds", "Cwes",
        "Tags", "ComponentPurl", "ComponentName", "ComponentVersion", "FixedVersion", "LocationPath", "LocationLine",
        "ToolSeverity", "CvssVectors", "CvssScore", "Severity", "Priority", "PriorityReasons", "Status", "FirstSeen",
        "LastSeen", "StatusChangedAt", "DueDate", "ComputedPriority", "Ssvc", "Exploitation", "PriorityDecidedAt",
        "AttackSuccessRate", "PriorityOverride", "PriorityOverrideReason", "PriorityOverrideBy", "PriorityOverrideAt",
        "PolicyVersionId", "State", "Assignee", "DuplicateOfId", "NotAffectedJustification", "SlaPausedAt",
    ];

    public override void Write(Finding row, IRowWriter writer)
    {
        writer.Int64(row.Id);
        writer.Int64(row.AssetId);
        writer.Text(row.Fingerprint);
        writer.Int64(row.FingerprintKey);
        writer.Text(EnumNames<FindingKind>.Of(row.Kind));
        writer.Text(row.Title);
        writer.Text(row.Description);
        writer.Text(row.RuleId);
        writer.Text(row.VulnerabilityIds);
        writer.Text(row.Cwes);
        writer.Text(row.Tags);
        writer.Text(row.ComponentPurl);
        writer.Text(row.ComponentName);
        writer.Text(row.ComponentVersion);
        writer.Text(row.FixedVersion);
        writer.Text(row.LocationPath);
        writer.Int32(row.LocationLine);
        writer.Text(EnumNames<Severity>.Of(row.ToolSeverity));
        writer.Text(row.CvssVectors);
        writer.Double(row.CvssScore);
        writer.Text(EnumNames<Severity>.Of(row.Severity));
        writer.Text(EnumNames<Priority>.Of(row.Priority));
        writer.Text(row.PriorityReasons);
        writer.Text(EnumNames<FindingStatus>.Of(row.Status));
        writer.Date(row.FirstSeen);
        writer.Date(row.LastSeen);
        writer.Date(row.StatusChangedAt);
        writer.Date(row.DueDate);
        writer.Text(EnumNames<Priority>.Of(row.ComputedPriority));
        writer.Text(row.Ssvc is { } ssvc ? EnumNames<SsvcOutcome>.Of(ssvc) : null);
        writer.Text(row.Exploitation is { } exploitation ? EnumNames<Exploitation>.Of(exploitation) : null);
        writer.Date(row.PriorityDecidedAt);
        writer.Double(row.AttackSuccessRate);
        writer.Text(row.PriorityOverride is { } chosen ? EnumNames<Priority>.Of(chosen) : null);
        writer.Text(row.PriorityOverrideReason);
        writer.Text(row.PriorityOverrideBy);
        writer.Date(row.PriorityOverrideAt);
        writer.NullableInt64(row.PolicyVersionId);
        writer.Text(EnumNames<Core.Workflow.WorkflowState>.Of(row.State));
        writer.Text(row.Assignee);
        writer.NullableInt64(row.DuplicateOfId);
        writer.Text(row.NotAffectedJustification is { } justification ? EnumNames<Core.Workflow.VexJustification>.Of(justification) : null);
        writer.Date(row.SlaPausedAt);
    }
}

internal sealed class ObservationRows : RowShape<Observation>
{
    public static ObservationRows Instance { get; } = new();

    public override string Table => "Observations";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "Id", "FindingId", "SourceId", "FirstScanId", "LastScanId", "FirstSeen", "LastSeen", "Present", "Tool", "ToolSeverity",
        "RawLocation", "Message", "Occurrences", "Evidence", "ContentHash",
    ];

    public override void Write(Observation row, IRowWriter writer)
    {
        writer.Int64(row.Id);
        writer.Int64(row.FindingId);
        writer.Int64(row.SourceId);
        writer.Int64(row.FirstScanId);
        writer.Int64(row.LastScanId);
        writer.Date(row.FirstSeen);
        writer.Date(row.LastSeen);
        writer.Boolean(row.Present);
        writer.Text(row.Tool);
        writer.Text(EnumNames<Severity>.Of(row.ToolSeverity));
        writer.Text(row.RawLocation);
        writer.Text(row.Message);
        writer.Int32(row.Occurrences);
        writer.Text(row.Evidence);
        writer.Int64(row.ContentHash);
    }
}

/// <summary>Enum member names as stored (EF's string conversion), computed once.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());

    public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
