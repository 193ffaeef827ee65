using Rampart.Core.Versions;

namespace Rampart.Core.Osv;

/// <summary>
/// Decides whether an installed version is affected, by the OSV schema's evaluation rules (§Evaluation): a version is
/// affected when it lies in any evaluable range or is listed in <c>versions[]</c>. Within a range the events are sorted
/// by version ("introduced": "0" first) and walked in order: an introduced at or below the version starts an affected
/// span, a fixed at or below it ends it, a last_affected below it ends it; a "limit" caps the whole range.
/// </summary>
public static class AffectedEvaluator
{
    /// <param name="scheme">The ecosystem's ordering (<see cref="VersionSchemes.For"/>).</param>
    /// <param name="semver">The ordering of SEMVER ranges: <see cref="SemVerScheme.WithV"/> unless given (a <see cref="MemoizedScheme"/> over it).</param>
    public static AffectedVerdict Evaluate(OsvAffected affected, string installed, IVersionScheme? scheme, IVersionScheme? semver = null)
    {
        ArgumentNullException.ThrowIfNull(affected);
        ArgumentNullException.ThrowIfNull(installed);
        var git = 0;
        var unevaluated = 0;
        var unparseable = false;
        var inRange = false;
        (IComparable Version, string Text)? lowestFix = null;
        foreach (var range in affected.Ranges)
        {
            if (range.Type == OsvRangeType.Git)
            {
                git++;
                continue;
            }

            var rangeScheme = range.Type == OsvRangeType.Semver ? semver ?? SemVerScheme.WithV : scheme;
            var version = rangeScheme?.Parse(installed);
            var events = rangeScheme is null ? null : ParseEvents(range, rangeScheme);
            if (version is null || events is null)
            {
                unevaluated++;
                unparseable |= rangeScheme is not null && version is null;
                continue;
            }

            if (!Contains(events, version))
            {
                continue;
            }

            inRange = true;
            foreach (var (kind, parsed, text) in events)
            {
                if (kind == OsvEventKind.Fixed && parsed is not null && parsed.CompareTo(version) > 0
                    && (lowestFix is null || parsed.CompareTo(lowestFix.Value.Version) < 0))
                {
                    lowestFix = (parsed, text);
                }
            }
        }

        var listed = !inRange && Listed(affected.Versions, installed, scheme);
        return new AffectedVerdict(inRange || listed, lowestFix?.Text, git, unevaluated, unparseable);
    }

    /// <summary>§Evaluation, one range: limits first, then the sorted events.</summary>
    private static bool Contains(List<(OsvEventKind Kind, IComparable? Version, string Text)> events, IComparable version)
    {
        var limits = events.Where(e => e.Kind == OsvEventKind.Limit).ToList();
        if (limits.Count > 0 && !limits.Any(l => l.Version is null || version.CompareTo(l.Version) < 0))
        {
            return false; // at or past every limit ("*" is no limit)
        }

        var affected = false;
        foreach (var (kind, eventVersion, _) in events)
        {
            switch (kind)
            {
                case OsvEventKind.Introduced when eventVersion is null || version.CompareTo(eventVersion) >= 0:
                    affected = true;
                    break;
                case OsvEventKind.Fixed when version.CompareTo(eventVersion) >= 0:
                    affected = false;
                    break;
                case OsvEventKind.LastAffected when version.CompareTo(eventVersion) > 0:
                    affected = false;
                    break;
            }
        }

        return affected;
    }

    /// <summary>The events parsed and sorted; "introduced": "0" (and "limit": "*") parse to null. Null when any version is unreadable.</summary>
    private static List<(OsvEventKind Kind, IComparable? Version, string Text)>? ParseEvents(OsvRange range, IVersionScheme scheme)
    {
        var events = new List<(OsvEventKind, IComparable?, string)>(range.Events.Count);
        foreach (var e in range.Events)
        {
            var unbounded = (e.Kind == OsvEventKind.Introduced && e.Version == "0") || (e.Kind == OsvEventKind.Limit && e.Version == "*");
            var parsed = unbounded ? null : scheme.Parse(e.Version);
            if (parsed is null && !unbounded)
            {
                return null;
            }

            events.Add((e.Kind, parsed, e.Version));
        }

        // "0" sorts first; a "*" limit is not an event of the walk. Stable: equal versions keep the record's order.
        return [.. events.OrderBy(e => e.Item2, EventOrder.Instance)];
    }

    private static bool Listed(IReadOnlyList<string> versions, string installed, IVersionScheme? scheme)
    {
        IComparable? parsed = null;
        var parsedOnce = false;
        foreach (var listed in versions)
        {
            if (string.Equals(listed, installed, StringComparison.Ordinal))
            {
                return true;
            }

            // "1.0" and "1.0.0" are one PyPI version (PEP 440 §Final releases): compare parsed, when both parse.
            if (scheme is not null)
            {
                if (!parsedOnce)
                {
                    parsed = scheme.Parse(installed);
                    parsedOnce = true;
                }

                if (parsed is not null && scheme.Parse(listed) is { } other && parsed.CompareTo(other) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class EventOrder : IComparer<IComparable?>
    {
        public static EventOrder Instance { get; } = new();

        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => x.CompareTo(y),
        };
    }
}
