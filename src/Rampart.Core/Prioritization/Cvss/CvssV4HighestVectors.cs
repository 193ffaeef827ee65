namespace Rampart.Core.Prioritization.Cvss;

/// <summary>
/// The highest severity vectors of each EQ level (v4.0 spec §8.2, Tables 24–30) and each MacroVector's depth
/// (FIRST's calculator, max_severity.js), written as severity levels: the number of steps below the most severe
/// value of each metric in spec §2 order (AV N,A,L,P; SC H,L,N counts from 1 because S is above H for SI/SA).
/// </summary>
internal static class CvssV4HighestVectors
{
    /// <summary>EQ1 over AV, PR, UI (Table 24).</summary>
    public static readonly int[][][] Eq1 =
    [
        [[0, 0, 0]],
        [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
        [[3, 0, 0], [1, 1, 1]],
    ];

    /// <summary>EQ2 over AC, AT (Table 25).</summary>
    public static readonly int[][][] Eq2 =
    [
        [[0, 0]],
        [[1, 0], [0, 1]],
    ];

    /// <summary>Joint EQ3+EQ6 over VC, VI, VA, CR, IR, AR (Table 30), indexed [EQ3 × 2 + EQ6]; level 20 cannot exist.</summary>
    public static readonly int[][][] Eq3Eq6 =
    [
        [[0, 0, 0, 0, 0, 0]],
        [[0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 0]],
        [[1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]],
        [[1, 0, 0, 0, 1, 1], [0, 1, 0, 1, 0, 1], [1, 0, 1, 0, 1, 0], [0, 1, 1, 1, 0, 0], [1, 1, 0, 0, 0, 1]],
        [],
        [[1, 1, 1, 0, 0, 0]],
    ];

    /// <summary>EQ4 over SC, SI, SA (Table 27).</summary>
    public static readonly int[][][] Eq4 =
    [
        [[1, 0, 0]],
        [[1, 1, 1]],
        [[2, 2, 2]],
    ];

    /// <summary>Depth of each MacroVector per EQ: the largest severity distance inside it.</summary>
    public static readonly int[] Eq1Depth = [1, 4, 5];

    public static readonly int[] Eq2Depth = [1, 2];

    public static readonly int[] Eq3Eq6Depth = [7, 6, 8, 8, 0, 10];

    public static readonly int[] Eq4Depth = [6, 5, 4];

    /// <summary>
    /// Severity distance of <paramref name="levels"/> from the first highest severity vector it does not exceed in
    /// any metric (the spec's "a highest severity vector in the same MacroVector"); the last one when none fits.
    /// </summary>
    public static int Distance(ReadOnlySpan<int> levels, int[][] highest)
    {
        var chosen = highest[^1];
        foreach (var candidate in highest)
        {
            var dominates = true;
            for (var i = 0; i < candidate.Length && dominates; i++)
            {
                dominates = levels[i] >= candidate[i];
            }

            if (dominates)
            {
                chosen = candidate;
                break;
            }
        }

        var distance = 0;
        for (var i = 0; i < chosen.Length; i++)
        {
            distance += levels[i] - chosen[i];
        }

        return distance;
    }
}
