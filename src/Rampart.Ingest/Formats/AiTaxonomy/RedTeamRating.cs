using System.Globalization;
using Rampart.Core.Findings;

namespace Rampart.Ingest.Formats.AiTaxonomy;

/// <summary>Severity and wording shared by the AI red-teaming readers.</summary>
internal static class RedTeamRating
{
    /// <summary>
    /// The attack success (or test failure) rate rule, used when the tool gives no severity of its own:
    /// at least 50% → High, at least 10% → Medium, above 0 → Low. A rate that is known to be positive but
    /// not how large (a garak hitlog has no attempt totals) is Low, the rule's floor.
    /// </summary>
    public static Severity FromRate(int failed, int? total) =>
        total is > 0 && failed > 0
            ? ((double)failed / total.Value) switch
            {
                >= 0.5 => Severity.High,
                >= 0.1 => Severity.Medium,
                _ => Severity.Low,
            }
            : failed > 0 ? Severity.Low : Severity.Info;

    /// <summary>
    /// garak's DEFCON scale (1 = "immediate risk (complete failure)" … 5 = "minimal risk"), which its digest
    /// gives per probe and per detector: 1 → Critical, 2 → High, 3 → Medium, 4 → Low, 5 → Info. Other values → null.
    /// </summary>
    public static Severity? FromDefcon(int? defcon) => defcon switch
    {
        1 => Severity.Critical,
        2 => Severity.High,
        3 => Severity.Medium,
        4 => Severity.Low,
        5 => Severity.Info,
        _ => null,
    };

    /// <summary>"37.5%" for 3 of 8, with one decimal.</summary>
    public static string Percent(int failed, int total) =>
        (100.0 * failed / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
