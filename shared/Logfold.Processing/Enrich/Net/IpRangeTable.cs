namespace Logfold.Processing.Enrich.Net;

/// <summary>
/// An immutable longest-prefix-match table over IPv4 and IPv6 (see <see cref="IpKey"/>): nested CIDRs are
/// flattened at build time into sorted, disjoint ranges, each carrying the value of its most specific CIDR, so a
/// lookup is one binary search with no allocation. Build with <see cref="IpRangeTableBuilder{T}"/>.
/// </summary>
/// <typeparam name="T">The value attached to a range.</typeparam>
internal sealed class IpRangeTable<T>
{
    private readonly UInt128[] _starts;
    private readonly UInt128[] _ends;
    private readonly T[] _values;

    /// <summary>An empty table.</summary>
    public static IpRangeTable<T> Empty { get; } = new([], [], []);

    internal IpRangeTable(UInt128[] starts, UInt128[] ends, T[] values)
    {
        _starts = starts;
        _ends = ends;
        _values = values;
    }

    /// <summary>The number of disjoint ranges after flattening.</summary>
    public int RangeCount => _starts.Length;

    /// <summary>Finds the value of the most specific CIDR that contains <paramref name="key"/>.</summary>
    public bool TryFind(UInt128 key, out T value)
    {
        var starts = _starts;
        int lo = 0, hi = starts.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (starts[mid] <= key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (hi >= 0 && key <= _ends[hi])
        {
            value = _values[hi];
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Parses the text and looks it up; false for text that is not an address.</summary>
    public bool TryFind(ReadOnlySpan<char> address, out T value)
    {
        if (IpKey.TryParse(address, out var key))
        {
            return TryFind(key, out value);
        }

        value = default!;
        return false;
    }
}
