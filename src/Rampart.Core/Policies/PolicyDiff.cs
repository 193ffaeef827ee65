using DiffPlex;
using DiffPlex.Chunkers;

namespace Rampart.Core.Policies;

/// <summary>What changed between two versions of a policy, line by line, for reviewers and approvers.</summary>
public static class PolicyDiff
{
    /// <summary>
    /// Every line of both texts in order: unchanged lines once, and in each changed block the removed lines before
    /// the added ones. Line ends are normalized first, so a CRLF-only change shows no difference.
    /// </summary>
    public static IReadOnlyList<PolicyDiffLine> Lines(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(Lined(oldText), Lined(newText), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var lines = new List<PolicyDiffLine>(Math.Max(oldLines.Count, newLines.Count));
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                lines.Add(new(' ', a + 1, b + 1, oldLines[a]));
            }

            for (var end = a + block.DeleteCountA; a < end; a++)
            {
                lines.Add(new('-', a + 1, null, oldLines[a]));
            }

            for (var end = b + block.InsertCountB; b < end; b++)
            {
                lines.Add(new('+', null, b + 1, newLines[b]));
            }
        }

        for (; a < oldLines.Count; a++, b++)
        {
            lines.Add(new(' ', a + 1, b + 1, oldLines[a]));
        }

        return lines;
    }

    // The final line end closes the last line rather than opening an empty one.
    private static string Lined(string text)
    {
        var normalized = PolicyDocument.Normalize(text);
        return normalized.EndsWith('\n') ? normalized[..^1] : normalized;
    }
}
