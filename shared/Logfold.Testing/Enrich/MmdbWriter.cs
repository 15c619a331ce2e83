using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Logfold.Testing.Enrich;

/// <summary>
/// Writes MaxMind DB (format 2.0) files, so tests and benchmarks build small GeoIP/ASN databases instead of
/// downloading them: an IPv6 binary search tree with 32-bit records (IPv4 networks live under <c>::/96</c>, where
/// readers look for them), the 16-byte separator, the data section, and the metadata map after the
/// <c>\xAB\xCD\xEFMaxMind.com</c> marker.
/// </summary>
/// <remarks>
/// Record values are <see cref="string"/>, <see cref="double"/>, <see cref="float"/>, <see cref="bool"/>,
/// <see cref="ushort"/> (uint16), <see cref="uint"/> or <see cref="int"/> (uint32; int must be ≥ 0),
/// <see cref="long"/> or <see cref="ulong"/> (uint64), <see cref="byte"/>[] (bytes), any
/// <see cref="IDictionary{TKey,TValue}"/> of string to value (map), and <see cref="System.Collections.IList"/> (array).
/// </remarks>
public sealed class MmdbWriter
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private readonly List<(UInt128 Network, int PrefixLength, object Record)> _networks = [];

    /// <summary>Creates a writer for a database of <paramref name="databaseType"/> (<c>GeoLite2-City</c>, <c>GeoLite2-ASN</c>...).</summary>
    public MmdbWriter(string databaseType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseType);
        DatabaseType = databaseType;
    }

    /// <summary>The <c>database_type</c> written to the metadata.</summary>
    public string DatabaseType { get; }

    /// <summary>The <c>build_epoch</c> written to the metadata (seconds since 1970).</summary>
    public ulong BuildEpoch { get; init; } = 1_764_547_200;

    /// <summary>Adds a network (<c>81.2.69.0/24</c>, <c>2001:db8::/32</c>, or one address) with its record.</summary>
    public MmdbWriter Add(string cidr, IDictionary<string, object> record)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        ArgumentNullException.ThrowIfNull(record);
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? cidr : cidr[..slash]);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        var v4 = written == 4;
        var prefix = slash < 0 ? (v4 ? 32 : 128) : int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var key = v4 ? (UInt128)BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
        _networks.Add((key, v4 ? prefix + 96 : prefix, record));
        return this;
    }

    /// <summary>Writes the database to <paramref name="path"/>.</summary>
    public void Write(string path) => File.WriteAllBytes(path, Build());

    /// <summary>Builds the database bytes.</summary>
    public byte[] Build()
    {
        // Data section: each distinct record object once.
        var data = new MemoryStream();
        var offsets = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var (_, _, record) in _networks)
        {
            if (!offsets.ContainsKey(record))
            {
                offsets[record] = (int)data.Length;
                Encode(data, record);
            }
        }

        // Search tree: shorter prefixes first, so a longer one splits the data record it falls into.
        var root = new Node();
        var ordered = _networks.OrderBy(n => n.PrefixLength).ToList();
        foreach (var (network, prefixLength, record) in ordered)
        {
            Insert(root, network, prefixLength, new Leaf(offsets[record]));
        }

        var nodes = new List<Node>();
        Number(root, nodes);
        var nodeCount = (uint)nodes.Count;
        using var output = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        foreach (var node in nodes)
        {
            foreach (var child in (ReadOnlySpan<object?>)[node.Left, node.Right])
            {
                var value = child switch
                {
                    Node n => (uint)n.Index,
                    Leaf leaf => nodeCount + 16 + (uint)leaf.Offset,
                    _ => nodeCount,
                };
                BinaryPrimitives.WriteUInt32BigEndian(word, value);
                output.Write(word);
            }
        }

        output.Write(new byte[16]);
        data.Position = 0;
        data.CopyTo(output);
        output.Write(MetadataMarker);
        Encode(output, new Dictionary<string, object>
        {
            ["binary_format_major_version"] = (ushort)2,
            ["binary_format_minor_version"] = (ushort)0,
            ["build_epoch"] = BuildEpoch,
            ["database_type"] = DatabaseType,
            ["description"] = new Dictionary<string, object> { ["en"] = "Logfold test database" },
            ["ip_version"] = (ushort)6,
            ["languages"] = new List<object> { "en" },
            ["node_count"] = nodeCount,
            ["record_size"] = (ushort)32,
        });
        return output.ToArray();
    }

    private static void Insert(Node root, UInt128 network, int prefixLength, Leaf leaf)
    {
        var node = root;
        for (var depth = 0; depth < prefixLength; depth++)
        {
            var right = ((network >> (127 - depth)) & UInt128.One) == UInt128.One;
            var child = right ? node.Right : node.Left;
            if (depth == prefixLength - 1)
            {
                if (child is Node existing)
                {
                    Fill(existing, leaf);
                }
                else
                {
                    Set(node, right, leaf);
                }

                return;
            }

            if (child is not Node next)
            {
                // Split an empty record or a shorter network's data record into a node that keeps it on both sides.
                next = new Node { Left = child, Right = child };
                Set(node, right, next);
            }

            node = next;
        }
    }

    // A network inserted over an existing subtree replaces the records its subtree left empty or held for shorter networks.
    private static void Fill(Node node, Leaf leaf)
    {
        node.Left = node.Left is Node l ? Recurse(l) : leaf;
        node.Right = node.Right is Node r ? Recurse(r) : leaf;

        Node Recurse(Node n)
        {
            Fill(n, leaf);
            return n;
        }
    }

    private static void Set(Node node, bool right, object value)
    {
        if (right)
        {
            node.Right = value;
        }
        else
        {
            node.Left = value;
        }
    }

    private static void Number(Node root, List<Node> nodes)
    {
        var queue = new Queue<Node>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            node.Index = nodes.Count;
            nodes.Add(node);
            if (node.Left is Node l)
            {
                queue.Enqueue(l);
            }

            if (node.Right is Node r)
            {
                queue.Enqueue(r);
            }
        }
    }

    private static void Encode(Stream s, object value)
    {
        switch (value)
        {
            case string text:
                var utf8 = Encoding.UTF8.GetBytes(text);
                Control(s, 2, utf8.Length);
                s.Write(utf8);
                break;
            case double d:
                Control(s, 3, 8);
                Span<byte> db = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(db, d);
                s.Write(db);
                break;
            case float f:
                Control(s, 15, 4);
                Span<byte> fb = stackalloc byte[4];
                BinaryPrimitives.WriteSingleBigEndian(fb, f);
                s.Write(fb);
                break;
            case byte[] bytes:
                Control(s, 4, bytes.Length);
                s.Write(bytes);
                break;
            case ushort u16:
                Unsigned(s, 5, u16);
                break;
            case uint u32:
                Unsigned(s, 6, u32);
                break;
            case int i32 when i32 >= 0:
                Unsigned(s, 6, (uint)i32);
                break;
            case long i64 when i64 >= 0:
                Unsigned(s, 9, (ulong)i64);
                break;
            case ulong u64:
                Unsigned(s, 9, u64);
                break;
            case bool b:
                Control(s, 14, b ? 1 : 0);
                break;
            case IDictionary<string, object> map:
                Control(s, 7, map.Count);
                foreach (var (k, v) in map)
                {
                    Encode(s, k);
                    Encode(s, v);
                }

                break;
            case System.Collections.IList list:
                Control(s, 11, list.Count);
                foreach (var item in list)
                {
                    Encode(s, item!);
                }

                break;
            default:
                throw new ArgumentException($"MmdbWriter cannot encode a {value?.GetType().Name ?? "null"}.", nameof(value));
        }
    }

    private static void Unsigned(Stream s, int type, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        var skip = 0;
        while (skip < 8 && bytes[skip] == 0)
        {
            skip++;
        }

        Control(s, type, 8 - skip);
        s.Write(bytes[skip..]);
    }

    // The control byte: 3 bits of type (0 = extended, type - 7 in the next byte) and 5 bits of size (29-31 = longer sizes follow).
    private static void Control(Stream s, int type, int size)
    {
        var typeBits = type <= 7 ? type << 5 : 0;
        Span<byte> extra = stackalloc byte[3];
        int sizeBits, extraLength;
        if (size < 29)
        {
            sizeBits = size;
            extraLength = 0;
        }
        else if (size < 29 + 256)
        {
            sizeBits = 29;
            extra[0] = (byte)(size - 29);
            extraLength = 1;
        }
        else if (size < 285 + 65536)
        {
            sizeBits = 30;
            BinaryPrimitives.WriteUInt16BigEndian(extra, (ushort)(size - 285));
            extraLength = 2;
        }
        else
        {
            sizeBits = 31;
            var rest = size - 65821;
            extra[0] = (byte)(rest >> 16);
            extra[1] = (byte)(rest >> 8);
            extra[2] = (byte)rest;
            extraLength = 3;
        }

        s.WriteByte((byte)(typeBits | sizeBits));
        if (type > 7)
        {
            s.WriteByte((byte)(type - 7));
        }

        s.Write(extra[..extraLength]);
    }

    private sealed class Node
    {
        public object? Left { get; set; }

        public object? Right { get; set; }

        public int Index { get; set; }
    }

    private sealed record Leaf(int Offset);
}
