using Rampart.Core.Findings;

namespace Rampart.Core.Prioritization.Ssvc;

/// <summary>
/// CISA's SSVC decision tree (CISA SSVC Guide, November 2022; the decision table CERT/CC publishes as
/// "CISA Coordinator 2.0.3"): Exploitation × Automatable × Technical Impact × Mission and Well-Being → Track,
/// Track*, Attend or Act. Rampart maps the outcomes to P4, P3, P2 and P1.
/// </summary>
public static class SsvcTree
{
    // Indexed [exploitation, automatable, technical impact, mission]; rows in the order of the published table.
    private static readonly SsvcOutcome[,,,] Table = Build();

    public static SsvcOutcome Decide(Exploitation exploitation, bool automatable, TechnicalImpact technicalImpact, MissionImpact mission) =>
        Table[(int)exploitation, automatable ? 1 : 0, (int)technicalImpact, (int)mission];

    public static Priority PriorityOf(SsvcOutcome outcome) => outcome switch
    {
        SsvcOutcome.Act => Priority.P1,
        SsvcOutcome.Attend => Priority.P2,
        SsvcOutcome.TrackStar => Priority.P3,
        SsvcOutcome.Track => Priority.P4,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown SSVC outcome."),
    };

    /// <summary>The outcome as CISA writes it ("Track*").</summary>
    public static string Name(SsvcOutcome outcome) => outcome == SsvcOutcome.TrackStar ? "Track*" : outcome.ToString();

    private static SsvcOutcome[,,,] Build()
    {
        const SsvcOutcome T = SsvcOutcome.Track, S = SsvcOutcome.TrackStar, A = SsvcOutcome.Attend, X = SsvcOutcome.Act;

        // Each line: automatable no/yes × technical impact partial/total, mission low, medium, high.
        SsvcOutcome[][] rows =
        [
            /* none,   not automatable, partial */ [T, T, T],
            /* none,   not automatable, total   */ [T, T, S],
            /* none,   automatable,     partial */ [T, T, A],
            /* none,   automatable,     total   */ [T, T, A],
            /* poc,    not automatable, partial */ [T, T, S],
            /* poc,    not automatable, total   */ [T, S, A],
            /* poc,    automatable,     partial */ [T, T, A],
            /* poc,    automatable,     total   */ [T, S, A],
            /* active, not automatable, partial */ [T, T, A],
            /* active, not automatable, total   */ [T, A, X],
            /* active, automatable,     partial */ [A, A, X],
            /* active, automatable,     total   */ [A, X, X],
        ];

        var table = new SsvcOutcome[3, 2, 2, 3];
        var row = 0;
        for (var e = 0; e < 3; e++)
        {
            for (var a = 0; a < 2; a++)
            {
                for (var t = 0; t < 2; t++, row++)
                {
                    for (var m = 0; m < 3; m++)
                    {
                        table[e, a, t, m] = rows[row][m];
                    }
                }
            }
        }

        return table;
    }
}
