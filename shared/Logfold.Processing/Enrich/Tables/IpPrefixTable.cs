namespace Logfold.Processing.Enrich.Tables;

/// <summary>
/// Maps IP addresses and CIDR blocks (IPv4 and IPv6) to values; a lookup returns the most specific block
/// that contains the address. One hash table per prefix length in use, probed longest first, so a lookup
/// costs one hash probe per distinct prefix length (a handful in practice). Immutable once built.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class IpPrefixTable<T>
    where T : class
{
    private readonly Dictionary<uint, T>[] _v4;
    private readonly int[] _v4Lengths;
    private readonly Dictionary<UInt128, T>[] _v6;
    private readonly int[] _v6Lengths;

    private IpPrefixTable(Dictionary<uint, T>[] v4, Dictionary<UInt128, T>[] v6, int count)
    {
        _v4 = v4;
        _v6 = v6;
        _v4Lengths = Lengths(v4);
        _v6Lengths = Lengths(v6);
        Count = count;
    }

    /// <summary>How many addresses and blocks the table holds.</summary>
    public int Count { get; }

    /// <summary>Finds the most specific entry containing <paramref name="address"/>.</summary>
    public bool TryGet(IpKey address, out T value, out int prefixLength)
    {
        if (address.IsV4)
        {
            var ip = address.V4;
            foreach (var length in _v4Lengths)
            {
                var masked = length == 0 ? 0u : ip & (uint.MaxValue << (32 - length));
                if (_v4[length].TryGetValue(masked, out value!))
                {
                    prefixLength = length;
                    return true;
                }
            }
        }
        else
        {
            var ip = address.Value;
            foreach (var length in _v6Lengths)
            {
                var masked = length == 0 ? UInt128.Zero : ip & (UInt128.MaxValue << (128 - length));
                if (_v6[length].TryGetValue(masked, out value!))
                {
                    prefixLength = length;
                    return true;
                }
            }
        }

        value = null!;
        prefixLength = -1;
        return false;
    }

    /// <summary>Parses <c>address</c> or <c>address/length</c>; host bits below the prefix are cleared.</summary>
    public static bool TryParsePrefix(ReadOnlySpan<char> text, out IpKey network, out int prefixLength)
    {
        text = text.Trim();
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!IpKey.TryParse(addressText, out network))
        {
            prefixLength = -1;
            return false;
        }

        var max = network.IsV4 ? 32 : 128;
        if (slash < 0)
        {
            prefixLength = max;
            return true;
        }

        var lengthText = text[(slash + 1)..];
        if (!int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefixLength))
        {
            return false;
        }

        // An IPv4-mapped IPv6 block (::ffff:a.b.c.d/120) is stored as the IPv4 block it covers.
        if (network.IsV4 && addressText.IndexOf(':') >= 0)
        {
            prefixLength -= 96;
        }

        if (prefixLength < 0 || prefixLength > max)
        {
            return false;
        }

        network = Mask(network, prefixLength);
        return true;
    }

    private static IpKey Mask(IpKey key, int length) => key.IsV4
        ? new IpKey(length == 0 ? 0u : key.V4 & (uint.MaxValue << (32 - length)), true)
        : new IpKey(length == 0 ? UInt128.Zero : key.Value & (UInt128.MaxValue << (128 - length)), false);

    private static int[] Lengths<TKey>(Dictionary<TKey, T>[] tables)
        where TKey : notnull
    {
        var lengths = new List<int>();
        for (var i = tables.Length - 1; i >= 0; i--)
        {
            if (tables[i].Count > 0)
            {
                lengths.Add(i);
            }
        }

        return [.. lengths];
    }

    /// <summary>Collects entries, then freezes them into a table.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<uint, T>[] _v4 = NewTables<uint>(33);
        private readonly Dictionary<UInt128, T>[] _v6 = NewTables<UInt128>(129);
        private int _count;

        /// <summary>Adds a block; returns the existing value instead when the block is already present.</summary>
        public bool TryAdd(IpKey network, int prefixLength, T value, out T existing)
        {
            network = Mask(network, prefixLength);
            bool added;
            if (network.IsV4)
            {
                added = _v4[prefixLength].TryAdd(network.V4, value);
                existing = _v4[prefixLength][network.V4];
            }
            else
            {
                added = _v6[prefixLength].TryAdd(network.Value, value);
                existing = _v6[prefixLength][network.Value];
            }

            if (added)
            {
                _count++;
            }

            return added;
        }

        /// <summary>Builds the immutable table.</summary>
        public IpPrefixTable<T> Build() => new(_v4, _v6, _count);

        private static Dictionary<TKey, T>[] NewTables<TKey>(int count)
            where TKey : notnull
        {
            var tables = new Dictionary<TKey, T>[count];
            for (var i = 0; i < count; i++)
            {
                tables[i] = [];
            }

            return tables;
        }
    }
}
