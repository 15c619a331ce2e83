namespace Logfold.Processing.Enrich.Net;

/// <summary>Collects CIDRs with values and flattens them into an <see cref="IpRangeTable{T}"/>.</summary>
/// <typeparam name="T">The value attached to a CIDR.</typeparam>
internal sealed class IpRangeTableBuilder<T>
{
    private readonly List<Entry> _entries = [];

    /// <summary>How many CIDRs were added.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a CIDR (or a bare address). Returns false when the text is not a CIDR.</summary>
    public bool TryAdd(ReadOnlySpan<char> cidr, T value)
    {
        if (!IpKey.TryParseCidr(cidr, out var first, out var last, out _))
        {
            return false;
        }

        _entries.Add(new Entry(first, last, value, _entries.Count));
        return true;
    }

    /// <summary>Adds a range given by its first and last key (they must form a CIDR block).</summary>
    public void Add(UInt128 first, UInt128 last, T value) => _entries.Add(new Entry(first, last, value, _entries.Count));

    /// <summary>
    /// Builds the table. Where the same CIDR was added more than once, <paramref name="merge"/> picks the value
    /// (given the value kept so far and the later one); by default the first one added wins.
    /// </summary>
    public IpRangeTable<T> Build(Func<T, T, T>? merge = null)
    {
        if (_entries.Count == 0)
        {
            return IpRangeTable<T>.Empty;
        }

        // Start ascending, wider blocks first, then insertion order: a block is always followed by the blocks it contains.
        var sorted = _entries.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var c = a.First.CompareTo(b.First);
            if (c != 0)
            {
                return c;
            }

            c = b.Last.CompareTo(a.Last);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var starts = new List<UInt128>(sorted.Length);
        var ends = new List<UInt128>(sorted.Length);
        var values = new List<T>(sorted.Length);
        var open = new List<Entry>();
        var cursor = UInt128.Zero;
        var cursorValid = true;

        void Emit(UInt128 from, UInt128 to, T value)
        {
            starts.Add(from);
            ends.Add(to);
            values.Add(value);
        }

        void Close()
        {
            var top = open[^1];
            open.RemoveAt(open.Count - 1);
            if (cursorValid && cursor <= top.Last)
            {
                Emit(cursor, top.Last, top.Value);
            }

            if (top.Last == UInt128.MaxValue)
            {
                cursorValid = false;
            }
            else
            {
                cursor = top.Last + 1;
            }
        }

        foreach (var entry in sorted)
        {
            if (open.Count > 0 && open[^1].First == entry.First && open[^1].Last == entry.Last)
            {
                var kept = open[^1];
                open[^1] = kept with { Value = merge is null ? kept.Value : merge(kept.Value, entry.Value) };
                continue;
            }

            while (open.Count > 0 && open[^1].Last < entry.First)
            {
                Close();
            }

            if (open.Count > 0 && cursorValid && cursor < entry.First)
            {
                Emit(cursor, entry.First - 1, open[^1].Value);
            }

            open.Add(entry);
            cursor = entry.First;
            cursorValid = true;
        }

        while (open.Count > 0)
        {
            Close();
        }

        return new IpRangeTable<T>([.. starts], [.. ends], [.. values]);
    }

    private readonly record struct Entry(UInt128 First, UInt128 Last, T Value, int Order);
}
