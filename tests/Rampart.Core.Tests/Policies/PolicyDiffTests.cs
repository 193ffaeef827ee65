using Rampart.Core.Policies;

namespace Rampart.Core.Tests.Policies;

public sealed class PolicyDiffTests
{
    [Fact]
    public void Lines_ChangedAndAddedLines_AreNumberedOnTheirSide()
    {
        const string Old = "title: TVM\nP1: 7\nP2: 30\n";
        const string New = "title: TVM\nP1: 5\nP2: 30\nP3: 90\n";

        var lines = PolicyDiff.Lines(Old, New);

        // Line 2 changed (old removed, new added), line 3 kept, a new line 4 appended.
        Assert.Equal(
            [
                new PolicyDiffLine(' ', 1, 1, "title: TVM"),
                new PolicyDiffLine('-', 2, null, "P1: 7"),
                new PolicyDiffLine('+', null, 2, "P1: 5"),
                new PolicyDiffLine(' ', 3, 3, "P2: 30"),
                new PolicyDiffLine('+', null, 4, "P3: 90"),
            ],
            lines);
    }

    [Fact]
    public void Lines_RemovedLine_ShiftsTheNewNumbering()
    {
        var lines = PolicyDiff.Lines("a\nb\nc", "a\nc");

        Assert.Equal([new PolicyDiffLine(' ', 1, 1, "a"), new PolicyDiffLine('-', 2, null, "b"), new PolicyDiffLine(' ', 3, 2, "c")], lines);
    }

    [Fact]
    public void Lines_OnlyLineEndsDiffer_AllUnchanged()
    {
        var lines = PolicyDiff.Lines("a\r\nb\r\n", "a\nb\n");

        Assert.Equal([new PolicyDiffLine(' ', 1, 1, "a"), new PolicyDiffLine(' ', 2, 2, "b")], lines);
    }

    [Fact]
    public void Lines_FromEmpty_EveryLineAdded()
    {
        var lines = PolicyDiff.Lines("", "a\nb\n");

        Assert.Equal([new PolicyDiffLine('+', null, 1, "a"), new PolicyDiffLine('+', null, 2, "b")], lines);
    }
}
