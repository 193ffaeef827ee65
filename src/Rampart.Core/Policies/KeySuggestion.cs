namespace Rampart.Core.Policies;

/// <summary>The known name nearest to a misspelt one, so that a refusal can say "did you mean …".</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The nearest of <paramref name="known"/> by edit distance when it is within a third of the word (at least 2
    /// edits), else the first known name the word begins.
    /// </summary>
    public static string? Nearest(string word, IEnumerable<string> known)
    {
        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (bestDistance <= limit)
        {
            return best;
        }

        // A shortened key ("review-interval" for "review-interval-months") is far by edits but plainly meant.
        return word.Length >= 4 ? known.FirstOrDefault(candidate => candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>"; did you mean X?" to append to a refusal, or nothing.</summary>
    public static string Hint(string word, IEnumerable<string> known) =>
        Nearest(word, known) is { } nearest ? $"; did you mean {nearest}?" : "";

    // Levenshtein distance with two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
