namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// Splits a PAN-OS CSV payload. Columns holding commas are double-quoted with inner quotes doubled (RFC 4180).
/// Optionally, commas inside a brace-wrapped value (TRAFFIC "Link Switches") do not split.
/// </summary>
internal static class PanCsv
{
    /// <summary>The most columns read; later ones are ignored (PAN-OS 11.1 TRAFFIC has about 120).</summary>
    public const int MaxColumns = 160;

    /// <summary>
    /// Splits <paramref name="s"/> into <paramref name="columns"/> (ranges into <paramref name="s"/>, outer quotes
    /// excluded). Returns the column count, or -1 when a quoted column is not closed (a truncated line).
    /// </summary>
    public static int Split(ReadOnlySpan<byte> s, Span<Range> columns, Span<byte> flags, bool braces)
    {
        var count = 0;
        var i = 0;
        while (count < columns.Length)
        {
            flags[count] = 0;
            if (i < s.Length && s[i] == (byte)'"')
            {
                var start = i + 1;
                var j = start;
                var closed = -1;
                while (j < s.Length)
                {
                    if (s[j] == (byte)'"')
                    {
                        if (j + 1 < s.Length && s[j + 1] == (byte)'"')
                        {
                            flags[count] = PanRecord.DoubledQuotes;
                            j += 2;
                            continue;
                        }

                        closed = j;
                        break;
                    }

                    j++;
                }

                if (closed < 0)
                {
                    return -1;
                }

                columns[count++] = new Range(start, closed);
                var comma = s[(closed + 1)..].IndexOf((byte)',');
                if (comma < 0)
                {
                    return count;
                }

                i = closed + 1 + comma + 1;
                continue;
            }

            int end;
            if (braces)
            {
                end = i;
                var depth = 0;
                while (end < s.Length)
                {
                    var c = s[end];
                    if (c == (byte)'{')
                    {
                        depth++;
                    }
                    else if (c == (byte)'}' && depth > 0)
                    {
                        depth--;
                    }
                    else if (c == (byte)',' && depth == 0)
                    {
                        break;
                    }

                    end++;
                }
            }
            else
            {
                var comma = s[i..].IndexOf((byte)',');
                end = comma < 0 ? s.Length : i + comma;
            }

            columns[count++] = new Range(i, end);
            if (end >= s.Length)
            {
                return count;
            }

            i = end + 1;
        }

        return count;
    }

    /// <summary>True when every brace in <paramref name="s"/> outside quotes is balanced.</summary>
    public static bool BracesBalanced(ReadOnlySpan<byte> s)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in s)
        {
            if (c == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == (byte)'{')
            {
                depth++;
            }
            else if (!quoted && c == (byte)'}' && depth > 0)
            {
                depth--;
            }
        }

        return depth == 0;
    }
}
