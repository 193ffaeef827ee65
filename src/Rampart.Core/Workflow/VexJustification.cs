namespace Rampart.Core.Workflow;

/// <summary>
/// Why a product is not affected by a vulnerability: the five justifications of CISA's "Minimum Requirements for VEX"
/// (2023) §2.3, used verbatim by OpenVEX (spec v0.2.0, "Status Justifications") and CSAF 2.0 (§3.2.3.5 flags).
/// </summary>
public enum VexJustification
{
    ComponentNotPresent,
    VulnerableCodeNotPresent,
    VulnerableCodeNotInExecutePath,
    VulnerableCodeCannotBeControlledByAdversary,
    InlineMitigationsAlreadyExist,
}

public static class VexJustifications
{
    /// <summary>The OpenVEX / CISA label, e.g. "vulnerable_code_not_in_execute_path".</summary>
    public static string Label(VexJustification justification) => justification switch
    {
        VexJustification.ComponentNotPresent => "component_not_present",
        VexJustification.VulnerableCodeNotPresent => "vulnerable_code_not_present",
        VexJustification.VulnerableCodeNotInExecutePath => "vulnerable_code_not_in_execute_path",
        VexJustification.VulnerableCodeCannotBeControlledByAdversary => "vulnerable_code_cannot_be_controlled_by_adversary",
        VexJustification.InlineMitigationsAlreadyExist => "inline_mitigations_already_exist",
        _ => throw new ArgumentOutOfRangeException(nameof(justification), justification, "Unknown VEX justification."),
    };

    /// <summary>The labels, comma-separated, for messages.</summary>
    public static string Choices { get; } = string.Join(", ", Enum.GetValues<VexJustification>().Select(Label));

    /// <summary>Reads the OpenVEX label or the enum name (case-insensitive).</summary>
    public static bool TryParse(string? text, out VexJustification justification)
    {
        justification = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<VexJustification>())
        {
            if (string.Equals(Label(candidate), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                justification = candidate;
                return true;
            }
        }

        return false;
    }
}
