namespace Rampart.Core.Prioritization.Cvss;

/// <summary>Reads vector strings without allocating more than the vector itself (the CLI parses millions).</summary>
internal static class CvssVectorReader
{
    private const string V2Prefix = "CVSS:2.0";

    public static CvssVector? Read(string text, out CvssParseError error)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = new(null, "the vector is empty.");
            return null;
        }

        ReadOnlySpan<char> body = trimmed;
        CvssVersion version;
        if (body.StartsWith("CVSS:", StringComparison.Ordinal))
        {
            var slash = body.IndexOf('/');
            var prefix = slash < 0 ? body : body[..slash];
            CvssVersion? known = prefix switch
            {
                V2Prefix => CvssVersion.V2,
                "CVSS:3.0" => CvssVersion.V3_0,
                "CVSS:3.1" => CvssVersion.V3_1,
                "CVSS:4.0" => CvssVersion.V4_0,
                _ => null,
            };
            if (known is null)
            {
                var part = prefix.ToString();
                error = new(part, $"unknown prefix '{part}' (known: CVSS:2.0, CVSS:3.0, CVSS:3.1, CVSS:4.0).");
                return null;
            }

            version = known.Value;
            body = slash < 0 ? [] : body[(slash + 1)..];
        }
        else
        {
            // CVSS v2 vectors carry no prefix (guide §2.4); NVD used to wrap them in parentheses.
            version = CvssVersion.V2;
            if (body.Length >= 2 && body[0] == '(' && body[^1] == ')')
            {
                body = body[1..^1];
            }
        }

        var set = CvssMetricTables.For(version);
        var values = new byte[set.Metrics.Length * 2]; // slots, then the order they were given in
        var order = values.AsSpan(set.Metrics.Length);
        var count = 0;
        var lastSlot = -1;
        var position = 0;
        while (body.Length > 0 || position == 0)
        {
            position++;
            var slash = body.IndexOf('/');
            var part = slash < 0 ? body : body[..slash];
            body = slash < 0 ? [] : body[(slash + 1)..];
            if (part.IsEmpty)
            {
                error = new(string.Empty, slash < 0 && position == 1
                    ? $"no metrics follow the prefix; {set.Name} requires its base metrics."
                    : $"part {position} is empty (a doubled, leading or trailing '/').");
                return null;
            }

            if (!ReadPart(set, part, values, lastSlot, out var slot, out error))
            {
                return null;
            }

            lastSlot = slot;
            order[count++] = (byte)slot;
            if (slash >= 0 && body.IsEmpty)
            {
                error = new(string.Empty, $"part {position + 1} is empty (a trailing '/').");
                return null;
            }
        }

        for (var i = 0; i < set.Metrics.Length; i++)
        {
            if (values[i] == 0 && set.Metrics[i].Mandatory)
            {
                error = new(set.Metrics[i].Key, $"the mandatory base metric '{set.Metrics[i].Key}' is missing.");
                return null;
            }
        }

        error = default;
        return new CvssVector(version, trimmed, values, count);
    }

    private static bool ReadPart(CvssMetricSet set, ReadOnlySpan<char> part, byte[] values, int lastSlot, out int slot, out CvssParseError error)
    {
        slot = -1;
        var colon = part.IndexOf(':');
        if (colon <= 0 || colon == part.Length - 1 || part[(colon + 1)..].Contains(':'))
        {
            var text = part.ToString();
            error = new(text, $"'{text}' is not a metric:value pair.");
            return false;
        }

        var key = part[..colon];
        slot = set.SlotOf(key, lastSlot + 1);
        if (slot < 0)
        {
            var text = part.ToString();
            error = new(text, $"'{key}' in '{text}' is not a {set.Name} metric.");
            return false;
        }

        var metric = set.Metrics[slot];
        if (values[slot] != 0)
        {
            error = new(metric.Key, $"the metric '{metric.Key}' appears more than once.");
            return false;
        }

        var index = metric.IndexOf(part[(colon + 1)..]);
        if (index < 0)
        {
            var text = part.ToString();
            error = new(text, $"'{text}' is not a valid value: {metric.Key} takes {string.Join(", ", metric.Values)}.");
            return false;
        }

        if (set.OrderRequired && slot < lastSlot)
        {
            var text = part.ToString();
            var rule = set == CvssMetricTables.V4 ? "CVSS v4.0 spec §7 (Table 23 order)" : "the CVSS v2 guide §2.4 (predetermined order)";
            error = new(text, $"'{text}' is out of order: {rule} puts {metric.Key} before {set.Metrics[lastSlot].Key}.");
            return false;
        }

        values[slot] = (byte)(index + 1);
        error = default;
        return true;
    }
}
