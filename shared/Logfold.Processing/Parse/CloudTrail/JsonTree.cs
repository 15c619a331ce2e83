using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// A flat, reusable index of one or more JSON sub-trees of a record (<c>requestParameters</c>,
/// <c>responseElements</c>, ...). Nodes hold offsets into the record's bytes, never copies. From a captured
/// node it renders compact JSON with null and empty values dropped (Elastic's <c>flattened</c> fields) and
/// Java's <c>Map.toString()</c> text (Elastic's <c>request_parameters</c> string, in <c>HashMap</c> order).
/// Not thread-safe: one instance per thread (see <see cref="CloudTrailSource"/>).
/// </summary>
internal sealed class JsonTree
{
    /// <summary>The JSON kind of a node.</summary>
    internal enum NodeKind : byte
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>One value (with its property name when it sits in an object).</summary>
    internal struct Node
    {
        public NodeKind Kind;
        public bool NameEscaped;
        public bool ValueEscaped;
        public bool Empty;
        public int NameStart;
        public int NameLength;
        public int ValueStart;
        public int ValueLength;

        /// <summary>The index just past this node's last descendant (its next sibling).</summary>
        public int End;

        /// <summary>How many children a container holds before empty values are dropped.</summary>
        public int ChildCount;
    }

    /// <summary>Java's <c>ArrayList</c>/<c>HashMap</c> toString caps nothing, but Elastic only keeps strings below this.</summary>
    public const int MaxKeywordLength = 32766;

    private Node[] _nodes = new Node[128];
    private int _count;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly StringBuilder _text = new(256);

    /// <summary>Thrown (one shared instance) when the input ends before the JSON does.</summary>
    internal sealed class TruncatedException : Exception
    {
        public static readonly TruncatedException Instance = new();

        public TruncatedException()
            : base("The JSON ended early.")
        {
        }

        public TruncatedException(string message)
            : base(message)
        {
        }

        public TruncatedException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }

    /// <summary>Scratch space for decoding property names.</summary>
    public char[] NameBuffer { get; } = new char[64];

    /// <summary>Forgets every captured node.</summary>
    public void Clear() => _count = 0;

    /// <summary>A node by index.</summary>
    public ref Node this[int index] => ref _nodes[index];

    /// <summary>Reads the next token, failing when the input is exhausted.</summary>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw TruncatedException.Instance;
        }
    }

    /// <summary>Skips the value the reader is on (a no-op for scalars).</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw TruncatedException.Instance;
        }
    }

    /// <summary>
    /// Captures the value the reader is positioned on (its first token) and everything below it; the reader
    /// ends on the value's last token. Returns the node index.
    /// </summary>
    public int Capture(ref Utf8JsonReader reader)
    {
        var index = Add();
        ref var n = ref _nodes[index];
        n.NameStart = -1;
        n.NameLength = 0;
        n.NameEscaped = false;
        Fill(ref reader, index);
        return index;
    }

    /// <summary>The first child of a container whose property name equals <paramref name="name"/>, or -1.</summary>
    public int Child(ReadOnlySpan<byte> source, int parent, ReadOnlySpan<byte> name)
    {
        if (parent < 0 || _nodes[parent].Kind != NodeKind.Object)
        {
            return -1;
        }

        for (var c = parent + 1; c < _nodes[parent].End; c = _nodes[c].End)
        {
            ref var n = ref _nodes[c];
            if (n.NameEscaped)
            {
                if (string.Equals(Unescape(source, n.NameStart, n.NameLength), Encoding.UTF8.GetString(name), StringComparison.Ordinal))
                {
                    return c;
                }
            }
            else if (source.Slice(n.NameStart, n.NameLength).SequenceEqual(name))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The string value of a node (numbers and booleans as their text), or null for containers, null and "".</summary>
    public string? GetString(ReadOnlySpan<byte> source, int index)
    {
        if (index < 0)
        {
            return null;
        }

        ref var n = ref _nodes[index];
        return n.Kind switch
        {
            NodeKind.String when n.ValueLength == 0 => null,
            NodeKind.String => n.ValueEscaped ? Unescape(source, n.ValueStart, n.ValueLength) : Encoding.UTF8.GetString(source.Slice(n.ValueStart, n.ValueLength)),
            NodeKind.Number => Encoding.UTF8.GetString(source.Slice(n.ValueStart, n.ValueLength)),
            NodeKind.True => "true",
            NodeKind.False => "false",
            _ => null,
        };
    }

    /// <summary>The property name of a node.</summary>
    public string GetName(ReadOnlySpan<byte> source, int index)
    {
        ref var n = ref _nodes[index];
        return n.NameEscaped ? Unescape(source, n.NameStart, n.NameLength) : Encoding.UTF8.GetString(source.Slice(n.NameStart, n.NameLength));
    }

    /// <summary>Compact JSON for a node with null, "" and empty containers dropped; null when nothing is left.</summary>
    public string? ToJson(ReadOnlySpan<byte> source, int index)
    {
        if (index < 0 || _nodes[index].Empty)
        {
            return null;
        }

        _json.ResetWrittenCount();
        WriteJson(source, index);
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }

    /// <summary>
    /// Java's <c>toString()</c> of the value as Elasticsearch's JSON processor would hold it: maps are
    /// <c>HashMap</c>s (printed in bucket order), lists <c>ArrayList</c>s, null and empty values dropped.
    /// </summary>
    public string? ToJavaString(ReadOnlySpan<byte> source, int index)
    {
        if (index < 0 || _nodes[index].Empty)
        {
            return null;
        }

        _text.Clear();
        WriteJava(source, index);
        return _text.ToString();
    }

    /// <summary>Java's <c>String.hashCode()</c>.</summary>
    internal static int JavaHash(string s)
    {
        var h = 0;
        foreach (var c in s)
        {
            h = unchecked((31 * h) + c);
        }

        return h;
    }

    /// <summary>The bucket a key lands in, in a Java <c>HashMap</c> of the given table size.</summary>
    internal static int JavaBucket(string key, int capacity) => Spread(JavaHash(key)) & (capacity - 1);

    private static int Spread(int h) => h ^ (int)((uint)h >> 16);

    // Java's String.hashCode of a property name, straight from the bytes when they are plain ASCII.
    private int NameHash(ReadOnlySpan<byte> source, int index)
    {
        ref var n = ref _nodes[index];
        if (!n.NameEscaped)
        {
            var name = source.Slice(n.NameStart, n.NameLength);
            if (System.Text.Ascii.IsValid(name))
            {
                var h = 0;
                foreach (var b in name)
                {
                    h = unchecked((31 * h) + b);
                }

                return h;
            }
        }

        return JavaHash(GetName(source, index));
    }

    private void AppendName(ReadOnlySpan<byte> source, int index)
    {
        ref var n = ref _nodes[index];
        var name = source.Slice(n.NameStart, n.NameLength);
        if (!n.NameEscaped && name.Length <= NameBuffer.Length && System.Text.Ascii.IsValid(name))
        {
            for (var i = 0; i < name.Length; i++)
            {
                NameBuffer[i] = (char)name[i];
            }

            _text.Append(NameBuffer, 0, name.Length);
            return;
        }

        _text.Append(GetName(source, index));
    }

    /// <summary>The table size of a default <c>HashMap</c> after <paramref name="entries"/> puts.</summary>
    internal static int JavaCapacity(int entries)
    {
        var capacity = 16;
        while (entries > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        return capacity;
    }

    /// <summary>Java's <c>Double.toString()</c>.</summary>
    internal static string JavaDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var abs = Math.Abs(d);
        if (abs >= 1e-3 && abs < 1e7)
        {
            var r = d.ToString("R", CultureInfo.InvariantCulture);
            if (r.Contains('E', StringComparison.Ordinal))
            {
                r = d.ToString("0.0################", CultureInfo.InvariantCulture);
            }

            return r.Contains('.', StringComparison.Ordinal) ? r : r + ".0";
        }

        // Computerized scientific notation: d.dddE[-]n, mantissa with at least one fraction digit.
        var shortest = abs.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = e >= 0 ? int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var mantissa = e >= 0 ? shortest[..e] : shortest;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? string.Concat(mantissa.AsSpan(0, dot), mantissa.AsSpan(dot + 1)) : mantissa;
        var point = (dot >= 0 ? dot : mantissa.Length) + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        point -= lead;
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sb = new StringBuilder(32);
        if (d < 0)
        {
            sb.Append('-');
        }

        sb.Append(digits[0]).Append('.');
        if (digits.Length > 1)
        {
            sb.Append(digits, 1, digits.Length - 1);
        }
        else
        {
            sb.Append('0');
        }

        sb.Append('E').Append((point - 1).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private int Add()
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }

        return _count++;
    }

    private void Fill(ref Utf8JsonReader reader, int index)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                _nodes[index].Kind = NodeKind.Object;
                var empty = true;
                var children = 0;
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var nameStart = (int)reader.TokenStartIndex + 1;
                    var nameLength = reader.ValueSpan.Length;
                    var nameEscaped = reader.ValueIsEscaped;
                    Next(ref reader);
                    var child = Add();
                    _nodes[child].NameStart = nameStart;
                    _nodes[child].NameLength = nameLength;
                    _nodes[child].NameEscaped = nameEscaped;
                    Fill(ref reader, child);
                    children++;
                    empty &= _nodes[child].Empty;
                }

                _nodes[index].Empty = empty;
                _nodes[index].ChildCount = children;
                break;
            }

            case JsonTokenType.StartArray:
            {
                _nodes[index].Kind = NodeKind.Array;
                var empty = true;
                var children = 0;
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        break;
                    }

                    var child = Add();
                    _nodes[child].NameStart = -1;
                    _nodes[child].NameLength = 0;
                    _nodes[child].NameEscaped = false;
                    Fill(ref reader, child);
                    children++;
                    empty &= _nodes[child].Empty;
                }

                _nodes[index].Empty = empty;
                _nodes[index].ChildCount = children;
                break;
            }

            case JsonTokenType.String:
                _nodes[index].Kind = NodeKind.String;
                _nodes[index].ValueStart = (int)reader.TokenStartIndex + 1;
                _nodes[index].ValueLength = reader.ValueSpan.Length;
                _nodes[index].ValueEscaped = reader.ValueIsEscaped;
                _nodes[index].Empty = reader.ValueSpan.Length == 0;
                break;
            case JsonTokenType.Number:
                _nodes[index].Kind = NodeKind.Number;
                _nodes[index].ValueStart = (int)reader.TokenStartIndex;
                _nodes[index].ValueLength = reader.ValueSpan.Length;
                _nodes[index].ValueEscaped = false;
                _nodes[index].Empty = false;
                break;
            case JsonTokenType.True:
                _nodes[index].Kind = NodeKind.True;
                _nodes[index].Empty = false;
                break;
            case JsonTokenType.False:
                _nodes[index].Kind = NodeKind.False;
                _nodes[index].Empty = false;
                break;
            default:
                _nodes[index].Kind = NodeKind.Null;
                _nodes[index].Empty = true;
                break;
        }

        _nodes[index].End = _count;
    }

    private void WriteJson(ReadOnlySpan<byte> source, int index)
    {
        var n = _nodes[index];
        switch (n.Kind)
        {
            case NodeKind.Object:
            case NodeKind.Array:
            {
                var isObject = n.Kind == NodeKind.Object;
                Append(isObject ? "{"u8 : "["u8);
                var first = true;
                for (var c = index + 1; c < n.End; c = _nodes[c].End)
                {
                    if (_nodes[c].Empty)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        Append(","u8);
                    }

                    first = false;
                    if (isObject)
                    {
                        Append("\""u8);
                        Append(source.Slice(_nodes[c].NameStart, _nodes[c].NameLength));
                        Append("\":"u8);
                    }

                    WriteJson(source, c);
                }

                Append(isObject ? "}"u8 : "]"u8);
                break;
            }

            case NodeKind.String:
                Append("\""u8);
                Append(source.Slice(n.ValueStart, n.ValueLength));
                Append("\""u8);
                break;
            case NodeKind.Number:
                Append(source.Slice(n.ValueStart, n.ValueLength));
                break;
            case NodeKind.True:
                Append("true"u8);
                break;
            case NodeKind.False:
                Append("false"u8);
                break;
            default:
                Append("null"u8);
                break;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes) => _json.Write(bytes);

    private void WriteJava(ReadOnlySpan<byte> source, int index)
    {
        var n = _nodes[index];
        switch (n.Kind)
        {
            case NodeKind.Object:
                WriteJavaMap(source, index);
                break;
            case NodeKind.Array:
            {
                _text.Append('[');
                var first = true;
                for (var c = index + 1; c < n.End; c = _nodes[c].End)
                {
                    if (_nodes[c].Empty)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        _text.Append(", ");
                    }

                    first = false;
                    WriteJava(source, c);
                }

                _text.Append(']');
                break;
            }

            case NodeKind.String:
                _text.Append(GetString(source, index));
                break;
            case NodeKind.Number:
                var raw = source.Slice(n.ValueStart, n.ValueLength);
                if (raw.IndexOfAny(".eE"u8) >= 0 &&
                    double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    _text.Append(JavaDouble(d));
                }
                else
                {
                    _text.Append(Encoding.UTF8.GetString(raw));
                }

                break;
            case NodeKind.True:
                _text.Append("true");
                break;
            case NodeKind.False:
                _text.Append("false");
                break;
            default:
                _text.Append("null");
                break;
        }
    }

    private void WriteJavaMap(ReadOnlySpan<byte> source, int index)
    {
        var n = _nodes[index];
        var capacity = JavaCapacity(n.ChildCount);

        // (bucket, node) pairs of the values that survive, kept in input order within a bucket.
        var rented = n.ChildCount > 64 ? ArrayPool<(int Bucket, int Node)>.Shared.Rent(n.ChildCount) : null;
        Span<(int Bucket, int Node)> entries = rented ?? stackalloc (int, int)[64];
        var count = 0;
        for (var c = index + 1; c < n.End; c = _nodes[c].End)
        {
            if (_nodes[c].Empty)
            {
                continue;
            }

            var entry = (Spread(NameHash(source, c)) & (capacity - 1), c);
            var at = count;
            while (at > 0 && entries[at - 1].Bucket > entry.Item1)
            {
                entries[at] = entries[at - 1];
                at--;
            }

            entries[at] = entry;
            count++;
        }

        _text.Append('{');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            AppendName(source, entries[i].Node);
            _text.Append('=');
            WriteJava(source, entries[i].Node);
        }

        _text.Append('}');
        if (rented is not null)
        {
            ArrayPool<(int Bucket, int Node)>.Shared.Return(rented);
        }
    }

    private static string Unescape(ReadOnlySpan<byte> source, int start, int length)
    {
        // Re-read the quoted token: Utf8JsonReader owns the unescaping rules.
        var quoted = source.Slice(start - 1, length + 2);
        var reader = new Utf8JsonReader(quoted);
        return reader.Read() ? reader.GetString() ?? string.Empty : string.Empty;
    }
}
